using System.Text.Json.Nodes;
using RoezanGhl.Infra.Tests.Arm;
using RoezanGhl.Infra.Tests.Rules;
using RoezanGhl.Infra.Tests.Settings;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Infra.Tests;

/// <summary>
/// Proves the rules can fail: each case breaks one thing in a copy of the compiled template and
/// expects the rule that guards it to report exactly that.
/// </summary>
[IntegrationLane]
[Collection(SharedMainTemplate.Name)]
public sealed class TemplateRuleMutationTests(CompiledMainTemplate compiled)
{
    private const string KeyVaultSecretsUserRoleId = "4633458b-17de-408a-b874-0445c86b69e6";

    private static readonly Dictionary<string, (Action<ArmTemplate> Break, string Rule, string Reported)> Cases = new Dictionary<string, (Action<ArmTemplate> Break, string Rule, string Reported)>
    {
        ["storage allows shared keys"] = (t => Deployed(t, "Microsoft.Storage/storageAccounts").Properties!["allowSharedKeyAccess"] = true,
            nameof(TemplateRules.StorageRefusesSharedKeysAndOldTls), "allowSharedKeyAccess"),
        ["storage accepts TLS 1.0"] = (t => Deployed(t, "Microsoft.Storage/storageAccounts").Properties!["minimumTlsVersion"] = "TLS1_0",
            nameof(TemplateRules.StorageRefusesSharedKeysAndOldTls), "minimumTlsVersion is 'TLS1_0'"),
        ["key vault uses access policies"] = (t => Deployed(t, "Microsoft.KeyVault/vaults").Properties!["enableRbacAuthorization"] = false,
            nameof(TemplateRules.KeyVaultUsesRbacWithSoftDeleteAndPurgeProtection), "enableRbacAuthorization"),
        ["key vault without purge protection"] = (t => Deployed(t, "Microsoft.KeyVault/vaults").Properties!.Remove("enablePurgeProtection"),
            nameof(TemplateRules.KeyVaultUsesRbacWithSoftDeleteAndPurgeProtection), "enablePurgeProtection"),
        ["key vault without soft delete"] = (t => Deployed(t, "Microsoft.KeyVault/vaults").Properties!["enableSoftDelete"] = false,
            nameof(TemplateRules.KeyVaultUsesRbacWithSoftDeleteAndPurgeProtection), "enableSoftDelete"),
        ["site accepts http"] = (t => Deployed(t, "Microsoft.Web/sites").Properties!["httpsOnly"] = false,
            nameof(TemplateRules.FunctionAppIsHttpsOnlyWithModernTls), "httpsOnly"),
        ["site accepts TLS 1.1"] = (t => Deployed(t, "Microsoft.Web/sites").Properties!["siteConfig"]!["minTlsVersion"] = "1.1",
            nameof(TemplateRules.FunctionAppIsHttpsOnlyWithModernTls), "minTlsVersion is '1.1'"),
        ["classic consumption plan"] = (t => Deployed(t, "Microsoft.Web/serverfarms").Json["sku"] = new JsonObject { ["name"] = "Y1", ["tier"] = "Dynamic" },
            nameof(TemplateRules.FunctionAppRunsDotnetIsolated10OnFlexConsumption), "FC1"),
        ["runtime .NET 8"] = (t => Deployed(t, "Microsoft.Web/sites").Properties!["functionAppConfig"]!["runtime"]!["version"] = "8.0",
            nameof(TemplateRules.FunctionAppRunsDotnetIsolated10OnFlexConsumption), "dotnet-isolated 10.0"),
        ["package read with a connection string"] = (t => Deployed(t, "Microsoft.Web/sites").Properties!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!["type"] = "StorageAccountConnectionString",
            nameof(TemplateRules.FunctionAppRunsDotnetIsolated10OnFlexConsumption), "user-assigned identity"),
        ["fixed maximum instance count"] = (t => Deployed(t, "Microsoft.Web/sites").Properties!["functionAppConfig"]!["scaleAndConcurrency"]!["maximumInstanceCount"] = 100,
            nameof(TemplateRules.MaximumInstanceCountIsATemplateParameter), "not a template parameter"),
        ["key vault role is Secrets User"] = (t => RoleAssignment(t, "Key Vault Secrets Officer").Properties!["roleDefinitionId"] =
                $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{KeyVaultSecretsUserRoleId}')]",
            nameof(TemplateRules.AppIdentityHoldsTheDataRoles), "grants Key Vault Secrets Officer"),
        ["blob role only under a condition"] = (t => RoleAssignment(t, "Storage Blob Data Owner").Json["condition"] = "[variables('grantOperator')]",
            nameof(TemplateRules.AppIdentityHoldsTheDataRoles), "grants Storage Blob Data Owner"),
        ["queue role with a random name"] = (t => RoleAssignment(t, "Storage Queue Data Contributor").Json["name"] = "[newGuid()]",
            nameof(TemplateRules.AppIdentityHoldsTheDataRoles), "is not guid(scope, principal, role)"),
        ["table role on the resource group"] = (t => RoleAssignment(t, "Storage Table Data Contributor").Json["scope"] = "[resourceGroup().id]",
            nameof(TemplateRules.AppIdentityHoldsTheDataRoles), "not on the Microsoft.Storage/storageAccounts"),
        ["FUNCTIONS_WORKER_RUNTIME set"] = (t => AppSettingsObject(t)["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            nameof(TemplateRules.NothingFlexConsumptionRejects), "FUNCTIONS_WORKER_RUNTIME"),
        ["WEBSITE_RUN_FROM_PACKAGE set"] = (t => AppSettingsObject(t)["WEBSITE_RUN_FROM_PACKAGE"] = "1",
            nameof(TemplateRules.NothingFlexConsumptionRejects), "WEBSITE_RUN_FROM_PACKAGE"),
        ["WEBSITE_CONTENTSHARE in a computed setting"] = (t => AppSettingsObject(t)["Extra__Name"] = "[createObject('WEBSITE_CONTENTSHARE', 'share')]",
            nameof(TemplateRules.NothingFlexConsumptionRejects), "mentions WEBSITE_CONTENTSHARE"),
        ["alwaysOn in siteConfig"] = (t => Deployed(t, "Microsoft.Web/sites").Properties!["siteConfig"]!["alwaysOn"] = true,
            nameof(TemplateRules.NothingFlexConsumptionRejects), "siteConfig.alwaysOn"),
        ["storage connection string with a key"] = (t => AppSettingsObject(t)["AzureWebJobsStorage"] =
                "[format('DefaultEndpointsProtocol=https;AccountName={0};AccountKey{1}', parameters('name'), listKeys(parameters('name'), '2023-05-01').keys[0].value)]",
            nameof(TemplateRules.NoStorageKeyOrConnectionString), "listKeys("),
        ["application insights with local auth"] = (t => Deployed(t, "Microsoft.Insights/components").Properties!["DisableLocalAuth"] = false,
            nameof(TemplateRules.ApplicationInsightsAcceptsEntraOnly), "DisableLocalAuth"),
        ["host storage credential missing"] = (t => AppSettingsObject(t).Remove("AzureWebJobsStorage__credential"),
            nameof(TemplateRules.StorageConnectionIsIdentityBased), "AzureWebJobsStorage__credential"),
        ["a setting the app reads dropped"] = (t => AppSettingsObject(t).Remove("Sync__TablePrefix"),
            nameof(TemplateRules.AppSettingsMatchTheSample), "Sync__TablePrefix"),
        ["a setting the app no longer reads"] = (t => AppSettingsObject(t)["Ghl__Legacy"] = "x",
            nameof(TemplateRules.AppSettingsMatchTheSample), "Ghl__Legacy"),
        ["GHL base URL hard-coded"] = (t => AppSettingsObject(t)["Ghl__BaseUrl"] = "https://services.leadconnectorhq.com",
            nameof(TemplateRules.GhlAndScheduleSettingsAreParameters), "Ghl__BaseUrl"),
        ["webhook URL output missing"] = (t => ((JsonObject)t.Root["outputs"]!).Remove("ROEZAN_WEBHOOK_URL_BASE"),
            nameof(TemplateRules.OutputsNameTheAppWebhookAndVault), "ROEZAN_WEBHOOK_URL_BASE"),
    }.Concat(HardeningMutations.Cases).Concat(ConsoleAuthMutations.Cases).ToDictionary();

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    private static LocalSettingsSample Sample => LocalSettingsSample.Load(RepositoryLayout.LocalSettingsSample);

    [Fact]
    public void Every_rule_passes_on_the_main_template() =>
        Assert.Empty(TemplateRules.All(compiled.Template, Sample));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Breaking_the_template_is_reported_by_the_rule_that_guards_it(string caseName)
    {
        var (breakTemplate, rule, reported) = Cases[caseName];
        var broken = compiled.Template.Clone();

        breakTemplate(broken);

        var caused = TemplateRules.All(broken, Sample).Except(TemplateRules.All(compiled.Template, Sample)).ToList();
        Assert.Contains(caused, v => v.StartsWith(rule + ":", StringComparison.Ordinal) && v.Contains(reported, StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_added_to_the_local_settings_sample_fails_until_the_template_sets_it()
    {
        var sample = new LocalSettingsSample(Sample.Keys.Append("Ghl__AttemptTimeout"));

        var violations = TemplateRules.AppSettingsMatchTheSample(compiled.Template, sample).ToList();

        Assert.Equal(["the app reads Ghl__AttemptTimeout (local.settings.sample.json) but the template does not set it"], violations);
    }

    [Fact]
    public void Local_only_and_per_account_sample_keys_are_not_required_in_the_template()
    {
        var sample = new LocalSettingsSample(["FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage", "Roezan__Accounts__x__TimeZone", "Secrets__ghl-token-x", "KeyVault__VaultUri"]);

        Assert.Equal(["KeyVault__VaultUri"], sample.AppKeys);
    }

    private static ArmResource Deployed(ArmTemplate template, string type) => template.Deployed(type).First();

    private static ArmResource RoleAssignment(ArmTemplate template, string role) =>
        template.Deployed("Microsoft.Authorization/roleAssignments")
            .First(a => !a.IsConditional && a.Name.Contains($"'{role}'", StringComparison.Ordinal));

    private static JsonObject AppSettingsObject(ArmTemplate template) =>
        (JsonObject)TemplateAppSettings.Read(template).First(s => s.Name == "KeyVault__VaultUri").Value!.Parent!;
}
