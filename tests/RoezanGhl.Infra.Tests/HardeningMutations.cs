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

            // Key Vault audit events and storage logs in Log Analytics.
            ["tokens vault audit events not collected"] = (t => Properties(t, "tokensVault", "audit")["logs"]![0]!["category"] = "AzurePolicyEvaluationDetails",
                nameof(DiagnosticRules.AuditAndStorageLogsGoToLogAnalytics), "module 'tokensVault': AuditEvent"),
            ["config vault without diagnostic setting"] = (t => Resources(t, "configVault").Remove("audit"),
                nameof(DiagnosticRules.AuditAndStorageLogsGoToLogAnalytics), "module 'configVault': AuditEvent"),
            ["queue deletes not logged"] = (t => Properties(t, "storage", "queueLogs")["logs"] = new JsonArray(Log("StorageRead"), Log("StorageWrite")),
                nameof(DiagnosticRules.AuditAndStorageLogsGoToLogAnalytics), "(queue): StorageDelete"),
            ["table logs disabled"] = (t => Properties(t, "storage", "tableLogs")["logs"] = new JsonArray(Log("StorageRead", false), Log("StorageWrite", false), Log("StorageDelete", false)),
                nameof(DiagnosticRules.AuditAndStorageLogsGoToLogAnalytics), "(table): StorageRead"),
            ["blob logs go to a workspace elsewhere"] = (t => Properties(t, "storage", "blobLogs")["workspaceId"] =
                    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/elsewhere/providers/Microsoft.OperationalInsights/workspaces/elsewhere",
                nameof(DiagnosticRules.AuditAndStorageLogsGoToLogAnalytics), "(blob): StorageWrite"),

            // Private networking: a parameter, off by default; on, public access off, VNet integration, endpoints and DNS.
            ["private networking on by default"] = (t => RootParameter(t, PrivateNetworkRules.Parameter)["defaultValue"] = true,
                nameof(PrivateNetworkRules.PrivateNetworkingIsAParameterOffByDefault), "must be off by default"),
            ["network deployed whatever the parameter"] = (t => Resource(t, string.Empty, "network").Remove("condition"),
                nameof(PrivateNetworkRules.PrivateNetworkingIsAParameterOffByDefault), "virtualNetworks of module 'network' is deployed while"),
            ["storage stays public with private networking"] = (t => Properties(t, "storage", "storage")["publicNetworkAccess"] = "Enabled",
                nameof(PrivateNetworkRules.PrivateNetworkingTurnsPublicAccessOff), "module 'storage': publicNetworkAccess is 'Enabled'"),
            ["tokens vault firewall open with private networking"] = (t => Properties(t, "tokensVault", "vault")["networkAcls"]!["defaultAction"] = "Allow",
                nameof(PrivateNetworkRules.PrivateNetworkingTurnsPublicAccessOff), "module 'tokensVault': networkAcls.defaultAction is 'Allow'"),
            ["app without VNet integration"] = (t => Properties(t, "functionApp", "site").Remove("virtualNetworkSubnetId"),
                nameof(PrivateNetworkRules.AppJoinsASubnetDelegatedToContainerApps), "virtualNetworkSubnetId is not set"),
            ["app subnet delegated to server farms"] = (t => Properties(t, "network", "network")["subnets"]![0]!["properties"]!["delegations"]![0]!["properties"]!["serviceName"] = "Microsoft.Web/serverFarms",
                nameof(PrivateNetworkRules.AppJoinsASubnetDelegatedToContainerApps), "no subnet is delegated to Microsoft.App/environments"),
            ["app joins the private endpoint subnet"] = (t => ModuleTemplate(t, "network")["outputs"]!["appSubnetId"]!["value"] =
                    "[resourceId('Microsoft.Network/virtualNetworks/subnets', format('{0}-vnet', parameters('namePrefix')), variables('privateEndpointSubnetName'))]",
                nameof(PrivateNetworkRules.AppJoinsASubnetDelegatedToContainerApps), "not a subnet delegated"),
            ["no queue endpoint"] = (t => Resources(t, "network").Remove("queueEndpoint"),
                nameof(PrivateNetworkRules.PrivateEndpointsCoverTheVaultsAndStorage), "no private endpoint serves Microsoft.Storage/storageAccounts of module 'storage' (queue)"),
            ["table endpoint serves files"] = (t => ModuleParameters(t, "network/tableEndpoint")["groupId"] = new JsonObject { ["value"] = "file" },
                nameof(PrivateNetworkRules.PrivateEndpointsCoverTheVaultsAndStorage), "(table)"),
            ["tokens vault without its own endpoint"] = (t => ModuleParameters(t, "network/tokensVaultEndpoint")["serviceId"] = new JsonObject { ["value"] = "[parameters('configKeyVaultId')]" },
                nameof(PrivateNetworkRules.PrivateEndpointsCoverTheVaultsAndStorage), "module 'tokensVault' (vault)"),
            ["blob endpoint registers in the queue zone"] = (t => ModuleParameters(t, "network/blobEndpoint")["privateDnsZoneId"] = new JsonObject { ["value"] = "[reference('queueZone').outputs.id.value]" },
                nameof(PrivateNetworkRules.PrivateEndpointsCoverTheVaultsAndStorage), "does not register in privatelink.blob.core.windows.net"),
            ["vault zone not linked to the network"] = (t => Resources(t, "network/vaultZone").Remove("zone::link"),
                nameof(PrivateNetworkRules.PrivateEndpointsCoverTheVaultsAndStorage), "privatelink.vaultcore.azure.net is not deployed or not linked"),

            // Retention: soft delete with a retention parameter, and a lifecycle rule for leftover claim-check payloads.
            ["blob soft delete off"] = (t => BlobService(t)["deleteRetentionPolicy"]!["enabled"] = false,
                nameof(RetentionRules.BlobAndContainerSoftDeleteAreOn), "deleteRetentionPolicy is not enabled"),
            ["container soft delete missing"] = (t => BlobService(t).Remove("containerDeleteRetentionPolicy"),
                nameof(RetentionRules.BlobAndContainerSoftDeleteAreOn), "containerDeleteRetentionPolicy is not enabled"),
            ["soft delete retention fixed in the module"] = (t => BlobService(t)["deleteRetentionPolicy"]!["days"] = 7,
                nameof(RetentionRules.BlobAndContainerSoftDeleteAreOn), "deleteRetentionPolicy.days is '7', not a template parameter"),
            ["lifecycle rule disabled"] = (t => LifecycleRule(t)["enabled"] = false,
                nameof(RetentionRules.LeftoverClaimCheckPayloadsAreDeleted), "no enabled lifecycle rule deletes block blobs under roezan-events-payloads/"),
            ["lifecycle rule covers the package container"] = (t => LifecycleRule(t)["definition"]!["filters"]!["prefixMatch"] = new JsonArray("app-package/"),
                nameof(RetentionRules.LeftoverClaimCheckPayloadsAreDeleted), "under roezan-events-payloads/"),
            ["lifecycle rule only moves payloads to cool"] = (t => LifecycleRule(t)["definition"]!["actions"]!["baseBlob"] =
                    new JsonObject { ["tierToCool"] = new JsonObject { ["daysAfterModificationGreaterThan"] = "[parameters('claimCheckRetentionDays')]" } },
                nameof(RetentionRules.LeftoverClaimCheckPayloadsAreDeleted), "no enabled lifecycle rule deletes"),
            ["lifecycle rule days fixed in the module"] = (t => LifecycleRule(t)["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"] = 30,
                nameof(RetentionRules.LeftoverClaimCheckPayloadsAreDeleted), "not a template parameter"),
            ["lifecycle policy removed"] = (t => Resources(t, "storage").Remove("storage::lifecycle"),
                nameof(RetentionRules.LeftoverClaimCheckPayloadsAreDeleted), "no enabled lifecycle rule"),
        };

    private static JsonObject BlobService(ArmTemplate template) => Properties(template, "storage", "storage::blobService");

    private static JsonObject LifecycleRule(ArmTemplate template) => (JsonObject)Properties(template, "storage", "storage::lifecycle")["policy"]!["rules"]![0]!;

    private static JsonObject Log(string category, bool enabled = true) => new() { ["category"] = category, ["enabled"] = enabled };

    private static string RoleDefinition(string roleId) =>
        $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{roleId}')]";

    private static JsonObject AppSettings(ArmTemplate template) =>
        (JsonObject)ModuleTemplate(template, "functionApp")["variables"]!["appSettings"]!;
}
