using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;

namespace RoezanGhl.Credentials.Secrets;

/// <summary>
/// Stops the app at start when account or location ids cannot each have their own secrets: ids that become the
/// same Key Vault secret name (<c>acme.1</c>, <c>acme_1</c> and <c>acme-1</c> are all <c>…-acme-1</c>, and Key
/// Vault ignores case), which would also share app settings on Linux, where a dot in a setting name turns
/// into an underscore; and ids whose secret names would pass Key Vault's 127 characters.
/// </summary>
public sealed class AccountSecretNamesValidator : IValidateOptions<RoezanOptions>
{
    private static readonly int AccountIdLimit = SecretNames.MaxLength - SecretNames.RoezanWebhookSecret("x").Length + 1;
    private static readonly int LocationIdLimit = SecretNames.MaxLength - SecretNames.GhlToken("x").Length + 1;

    public ValidateOptionsResult Validate(string? name, RoezanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var accountIds = options.Accounts.Keys.Where(id => !string.IsNullOrWhiteSpace(id)).ToList();
        foreach (var id in accountIds.Where(id => id.Length > AccountIdLimit))
        {
            failures.Add($"Roezan:Accounts:{id}: the account id has {id.Length} characters, too many for its Key Vault secret names ({SecretNames.MaxLength} at most, so account ids may have up to {AccountIdLimit}).");
        }

        foreach (var group in Collisions(accountIds))
        {
            failures.Add($"Roezan:Accounts: the account ids {Names(group)} become the same Key Vault secret names ({SecretNames.RoezanWebhookSecret(group[0])}, {SecretNames.RoezanApiKey(group[0])}) and would share their secrets; give them ids that differ in letters or digits.");
        }

        var locationIds = options.Accounts.Values.Select(account => account?.GhlLocationId)
            .Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var id in locationIds.Where(id => id.Length > LocationIdLimit))
        {
            failures.Add($"Roezan:Accounts: the GHL location id '{id}' has {id.Length} characters, too many for its token's Key Vault secret name ({SecretNames.MaxLength} at most).");
        }

        foreach (var group in Collisions(locationIds))
        {
            failures.Add($"Roezan:Accounts: the GHL location ids {Names(group)} become the same Key Vault secret name {SecretNames.GhlToken(group[0])} and would share one token; check the GhlLocationId settings.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<List<string>> Collisions(IEnumerable<string> ids) =>
        ids.GroupBy(id => SecretNames.Sanitize(id), StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => group.Order(StringComparer.Ordinal).ToList());

    /// <summary>'a', 'b' and 'c'.</summary>
    private static string Names(List<string> ids) =>
        string.Join(", ", ids.Take(ids.Count - 1).Select(id => $"'{id}'")) + $" and '{ids[^1]}'";
}
