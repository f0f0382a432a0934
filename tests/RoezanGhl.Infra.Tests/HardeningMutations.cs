using System.Text.Json.Nodes;
using RoezanGhl.Infra.Tests.Arm;
using RoezanGhl.Infra.Tests.Rules;
using static RoezanGhl.Infra.Tests.TemplateEdits;

namespace RoezanGhl.Infra.Tests;

/// <summary>
/// Issue 13's template rules, each broken the way a careless edit would break it: the case names what
/// is broken, the rule that must report it, and a piece of the report.
/// </summary>
public static class HardeningMutations
{
    private const string Roles = "roles";

    public static IReadOnlyDictionary<string, (Action<ArmTemplate> Break, string Rule, string Reported)> Cases { get; } =
        new Dictionary<string, (Action<ArmTemplate> Break, string Rule, string Reported)>
        {
            // Least privilege in Key Vault.
            ["app may write the config vault"] = (t => Properties(t, Roles, "appConfigVaultSecretsUser")["roleDefinitionId"] = RoleDefinition(KeyVaultAccessRules.SecretsOfficer),
                nameof(KeyVaultAccessRules.AppWritesTokensOnly), "Key Vault Secrets Officer on the config vault"),
            ["app may only read the tokens vault"] = (t => Properties(t, Roles, "appTokensVaultSecretsOfficer")["roleDefinitionId"] = RoleDefinition(KeyVaultAccessRules.SecretsUser),
                nameof(KeyVaultAccessRules.AppWritesTokensOnly), "cannot write GHL tokens"),
            ["app may not read the config vault"] = (t => Resources(t, Roles).Remove("appConfigVaultSecretsUser"),
                nameof(KeyVaultAccessRules.AppWritesTokensOnly), "cannot read the config vault"),
            ["app writes secrets across the resource group"] = (t => Resource(t, Roles, "appTokensVaultSecretsOfficer")["scope"] = "[resourceGroup().id]",
                nameof(KeyVaultAccessRules.AppWritesTokensOnly), "beyond one vault"),
            ["tokens setting names the config vault"] = (t => AppSettings(t)["KeyVault__TokensVaultUri"] = "[parameters('keyVaultUri')]",
                nameof(KeyVaultAccessRules.AppWritesTokensOnly), "name the same vault"),
            ["tokens setting missing"] = (t => AppSettings(t).Remove("KeyVault__TokensVaultUri"),
                nameof(KeyVaultAccessRules.AppWritesTokensOnly), "tokens: none"),
            ["both vault modules deploy one vault"] = (t => ModuleParameters(t, "tokensVault")["name"] = new JsonObject { ["value"] = "[format('kv-{0}', variables('resourceToken'))]" },
                nameof(KeyVaultAccessRules.AppWritesTokensOnly), "name the same vault"),
        };

    private static string RoleDefinition(string roleId) =>
        $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{roleId}')]";

    private static JsonObject AppSettings(ArmTemplate template) =>
        (JsonObject)ModuleTemplate(template, "functionApp")["variables"]!["appSettings"]!;
}
