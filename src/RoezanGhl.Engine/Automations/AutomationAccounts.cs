using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Automations;

namespace RoezanGhl.Engine.Automations;

/// <summary>
/// Every configured account's automations (<see cref="AccountAutomations"/>), built once from the validated
/// <c>Roezan:Accounts</c> settings (start-up validation has already refused bad entries, naming them).
/// </summary>
public sealed class AutomationAccounts
{
    private readonly Dictionary<string, AccountAutomations> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _locations = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _fieldNames = new(StringComparer.OrdinalIgnoreCase);

    public AutomationAccounts(IOptions<RoezanOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (accountId, account) in options.Value.Accounts)
        {
            if (!AccountAutomations.TryBuild(accountId, account, out var automations, out var problems))
            {
                throw new InvalidOperationException($"Roezan:Accounts:{accountId}: {string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}"))}");
            }

            _accounts[accountId] = automations;
            _locations[accountId] = account.GhlLocationId;
            _fieldNames[accountId] = (account.Mapping?.CustomFields ?? [])
                .Where(pair => !string.IsNullOrEmpty(pair.Value?.Id))
                .GroupBy(pair => pair.Value.Id!, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.First().Key, StringComparer.Ordinal);
        }
    }

    /// <summary>The accounts with at least one enabled automation: the ones the sweep visits.</summary>
    public IEnumerable<AccountAutomations> WithAutomations => _accounts.Values.Where(account => account.Automations.Count > 0);

    public AccountAutomations? Find(string accountId) => _accounts.GetValueOrDefault(accountId);

    /// <summary>The names templates use for GHL custom field ids (the account's mapping: Roezan name → GHL field id).</summary>
    public IReadOnlyDictionary<string, string> CustomFieldNames(string accountId) =>
        _fieldNames.GetValueOrDefault(accountId) ?? new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The GHL location the account feeds, or null for an account that is not configured.</summary>
    public string? LocationOf(string accountId) => _locations.GetValueOrDefault(accountId);
}
