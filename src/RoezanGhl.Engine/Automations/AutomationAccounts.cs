using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Automations;

namespace RoezanGhl.Engine.Automations;

/// <summary>
/// Every configured account's automations (<see cref="AccountAutomations"/>), built once from the validated
/// <c>Roezan:Accounts</c> settings (start-up validation has already refused bad entries, naming them). With an
/// <see cref="IAutomationAccountSource"/> (the console's saved versions), <see cref="RefreshAsync"/> rebuilds an
/// account whose settings changed while the app runs, so the next event plans with them without a restart.
/// </summary>
public sealed class AutomationAccounts
{
    private readonly ConcurrentDictionary<string, AccountAutomations> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _locations = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _fieldNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, RoezanAccountOptions> _builtFrom = new(StringComparer.OrdinalIgnoreCase);
    private readonly IAutomationAccountSource? _source;

    public AutomationAccounts(IOptions<RoezanOptions> options)
        : this(options, [])
    {
    }

    public AutomationAccounts(IOptions<RoezanOptions> options, IEnumerable<IAutomationAccountSource> sources)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sources);
        _source = sources.FirstOrDefault();
        foreach (var (accountId, account) in options.Value.Accounts)
        {
            if (!TryUse(accountId, account, out var problems))
            {
                throw new InvalidOperationException($"Roezan:Accounts:{accountId}: {string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}"))}");
            }
        }
    }

    /// <summary>
    /// Rebuilds the account's automations when <see cref="IAutomationAccountSource"/> answers other settings than the
    /// ones they were built from (a configuration version saved in the console); nothing without a source. Settings
    /// that fail the checks (the source should not answer them) leave the automations as they were.
    /// </summary>
    public async ValueTask RefreshAsync(string accountId, CancellationToken cancellationToken)
    {
        if (_source is null || !_locations.ContainsKey(accountId))
        {
            return;
        }

        var account = await _source.GetAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
        if (account is not null && !(_builtFrom.TryGetValue(accountId, out var built) && ReferenceEquals(built, account)))
        {
            TryUse(accountId, account, out _);
        }
    }

    /// <summary><see cref="RefreshAsync"/> for every configured account (the send sweep, before it looks for due texts).</summary>
    public async ValueTask RefreshAllAsync(CancellationToken cancellationToken)
    {
        foreach (var accountId in _locations.Keys)
        {
            await RefreshAsync(accountId, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool TryUse(string accountId, RoezanAccountOptions account, out IReadOnlyList<Core.Mapping.ConfigurationProblem> problems)
    {
        if (!AccountAutomations.TryBuild(accountId, account, out var automations, out problems))
        {
            return false;
        }

        _accounts[accountId] = automations;
        _locations[accountId] = account.GhlLocationId;
        _fieldNames[accountId] = (account.Mapping?.CustomFields ?? [])
            .Where(pair => !string.IsNullOrEmpty(pair.Value?.Id))
            .GroupBy(pair => pair.Value.Id!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Key, StringComparer.Ordinal);
        _builtFrom[accountId] = account;
        return true;
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
