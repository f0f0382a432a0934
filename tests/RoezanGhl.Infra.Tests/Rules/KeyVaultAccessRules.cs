using System.Text.RegularExpressions;
using RoezanGhl.Infra.Tests.Arm;

namespace RoezanGhl.Infra.Tests.Rules;

/// <summary>
/// Least privilege on secrets: the app reads its configuration from one vault (KeyVault__VaultUri)
/// with Key Vault Secrets User and writes GHL tokens, the only secrets it must write, to another
/// (KeyVault__TokensVaultUri) with Key Vault Secrets Officer. Nothing grants it more on the first.
/// </summary>
public static partial class KeyVaultAccessRules
{
    public const string SecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    public const string SecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";

    // Built-in roles that can change a secret, or give themselves the right to, when held on a vault or above it.
    private static readonly Dictionary<string, string> WritingRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        [SecretsOfficer] = "Key Vault Secrets Officer",
        ["00482a5a-887f-4fb3-b363-3b7fe8e74483"] = "Key Vault Administrator",
        ["f25e0fa2-a7c8-4377-a976-54943a77a395"] = "Key Vault Contributor",
        ["b24988ac-6180-42a0-ab88-20f7382dd24c"] = "Contributor",
        ["8e3af657-a8ff-443c-a75c-2fe8c4bcb635"] = "Owner",
        ["18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"] = "User Access Administrator",
    };

    public static IEnumerable<string> AppWritesTokensOnly(ArmTemplate template)
    {
        var view = new TemplateView(template);
        var vaults = view.Deployed("Microsoft.KeyVault/vaults").Select(view.Identity).ToHashSet(StringComparer.Ordinal);
        var config = VaultOf(view, vaults, "KeyVault__VaultUri");
        var tokens = VaultOf(view, vaults, "KeyVault__TokensVaultUri");
        if (config is null || tokens is null)
        {
            yield return $"KeyVault__VaultUri and KeyVault__TokensVaultUri must each be the URI of a vault this template deploys (config: {config ?? "none"}, tokens: {tokens ?? "none"})";
            yield break;
        }

        if (config == tokens)
        {
            yield return "KeyVault__VaultUri and KeyVault__TokensVaultUri name the same vault: the app could rewrite webhook secrets and client credentials";
        }

        var grants = AppGrants(view).ToList();
        foreach (var grant in grants.Where(g => g.Scope == config && !g.Role.Equals(SecretsUser, StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"the app holds {RoleName(grant.Role)} on the config vault, which it may only read (Key Vault Secrets User)";
        }

        foreach (var grant in grants.Where(g => !g.Scope.StartsWith("resourceId(", StringComparison.Ordinal) && WritingRoles.ContainsKey(g.Role)))
        {
            yield return $"the app holds {RoleName(grant.Role)} at '{grant.Scope}', beyond one vault";
        }

        if (!grants.Any(g => g.Scope == config && g.Certain && g.Role.Equals(SecretsUser, StringComparison.OrdinalIgnoreCase)))
        {
            yield return "the app cannot read the config vault: no Key Vault Secrets User on it";
        }

        if (!grants.Any(g => g.Scope == tokens && g.Certain && g.Role.Equals(SecretsOfficer, StringComparison.OrdinalIgnoreCase)))
        {
            yield return "the app cannot write GHL tokens: no Key Vault Secrets Officer on the tokens vault";
        }
    }

    // The vault whose URI a setting is: reference(<vault id>).vaultUri.
    private static string? VaultOf(TemplateView view, IReadOnlySet<string> vaults, string setting) =>
        view.Setting(setting) is { } uri ? vaults.FirstOrDefault(vault => uri.Render() == $"reference({vault}).vaultUri") : null;

    // Role assignments to the app's identity: the role id, what the scope evaluates to, and whether
    // the assignment is made for certain (not under a condition Azure decides).
    private static IEnumerable<(string Role, string Scope, bool Certain)> AppGrants(TemplateView view)
    {
        var principals = view.AppPrincipals();
        foreach (var assignment in view.Deployed("Microsoft.Authorization/roleAssignments"))
        {
            if (principals.Contains(view.Value(assignment, "properties", "principalId").Render())
                && RoleId().Matches(view.Value(assignment, "properties", "roleDefinitionId").Render()).LastOrDefault() is { } role)
            {
                var scope = view.Evaluator.Evaluate(assignment.Json["scope"], assignment.Scope).Render();
                yield return (role.Value, scope, view.Evaluator.IsDeployed(assignment) == true);
            }
        }
    }

    private static string RoleName(string id) =>
        id.Equals(SecretsUser, StringComparison.OrdinalIgnoreCase) ? "Key Vault Secrets User" : WritingRoles.GetValueOrDefault(id, id);

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex RoleId();
}
