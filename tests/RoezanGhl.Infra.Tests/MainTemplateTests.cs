using System.Text.Json.Nodes;
using RoezanGhl.Infra.Tests.Arm;
using RoezanGhl.Infra.Tests.Rules;
using RoezanGhl.Infra.Tests.Settings;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Infra.Tests;

[IntegrationLane]
[Collection(SharedMainTemplate.Name)]
public sealed class MainTemplateTests(CompiledMainTemplate compiled)
{
    private ArmTemplate Template => compiled.Template;

    [Fact]
    public void Main_template_builds_without_any_compiler_or_linter_diagnostic()
    {
        Assert.Equal(0, compiled.Build.ExitCode);
        Assert.Empty(compiled.Build.Diagnostics);
    }

    [Fact]
    public void Storage_account_turns_shared_keys_and_public_blobs_off_and_requires_tls_1_2() =>
        Assert.Empty(TemplateRules.StorageRefusesSharedKeysAndOldTls(Template));

    [Fact]
    public void Key_vault_uses_rbac_with_soft_delete_and_purge_protection() =>
        Assert.Empty(TemplateRules.KeyVaultUsesRbacWithSoftDeleteAndPurgeProtection(Template));

    [Fact]
    public void Function_app_is_https_only_with_tls_1_2_or_later() =>
        Assert.Empty(TemplateRules.FunctionAppIsHttpsOnlyWithModernTls(Template));

    [Fact]
    public void Function_app_runs_dotnet_isolated_10_on_a_flex_consumption_plan() =>
        Assert.Empty(TemplateRules.FunctionAppRunsDotnetIsolated10OnFlexConsumption(Template));

    [Fact]
    public void Maximum_instance_count_is_a_template_parameter() =>
        Assert.Empty(TemplateRules.MaximumInstanceCountIsATemplateParameter(Template));

    [Fact]
    public void App_identity_holds_blob_queue_table_key_vault_and_metrics_roles_under_guid_names() =>
        Assert.Empty(TemplateRules.AppIdentityHoldsTheDataRoles(Template));

    [Fact]
    public void Template_sets_nothing_that_flex_consumption_rejects() =>
        Assert.Empty(TemplateRules.NothingFlexConsumptionRejects(Template));

    [Fact]
    public void Template_uses_no_storage_key_or_connection_string() =>
        Assert.Empty(TemplateRules.NoStorageKeyOrConnectionString(Template));

    [Fact]
    public void Application_insights_accepts_entra_authenticated_telemetry_only() =>
        Assert.Empty(TemplateRules.ApplicationInsightsAcceptsEntraOnly(Template));

    [Fact]
    public void Host_storage_connection_is_identity_based() =>
        Assert.Empty(TemplateRules.StorageConnectionIsIdentityBased(Template));

    [Fact]
    public void Every_setting_in_the_local_settings_sample_is_set_by_the_template() =>
        Assert.Empty(TemplateRules.AppSettingsMatchTheSample(Template, LocalSettingsSample.Load(RepositoryLayout.LocalSettingsSample)));

    [Fact]
    public void Ghl_base_url_api_version_and_reconcile_schedule_are_template_parameters() =>
        Assert.Empty(TemplateRules.GhlAndScheduleSettingsAreParameters(Template));

    [Fact]
    public void Outputs_name_the_app_the_webhook_url_and_the_key_vault() =>
        Assert.Empty(TemplateRules.OutputsNameTheAppWebhookAndVault(Template));

    [Fact]
    public void App_reads_its_configuration_vault_and_writes_only_the_tokens_vault() =>
        Assert.Empty(KeyVaultAccessRules.AppWritesTokensOnly(Template));

    [Fact]
    public void Key_vault_audit_events_and_storage_reads_writes_and_deletes_go_to_log_analytics() =>
        Assert.Empty(DiagnosticRules.AuditAndStorageLogsGoToLogAnalytics(Template));

    [Fact]
    public void Private_networking_is_a_parameter_that_is_off_by_default() =>
        Assert.Empty(PrivateNetworkRules.PrivateNetworkingIsAParameterOffByDefault(Template));

    [Fact]
    public void Private_networking_turns_public_access_off_on_the_vaults_and_storage() =>
        Assert.Empty(PrivateNetworkRules.PrivateNetworkingTurnsPublicAccessOff(Template));

    [Fact]
    public void Private_networking_puts_the_app_in_a_subnet_delegated_to_container_apps() =>
        Assert.Empty(PrivateNetworkRules.AppJoinsASubnetDelegatedToContainerApps(Template));

    [Fact]
    public void Private_networking_gives_each_vault_and_storage_service_an_endpoint_in_its_linked_privatelink_zone() =>
        Assert.Empty(PrivateNetworkRules.PrivateEndpointsCoverTheVaultsAndStorage(Template));

    [Fact]
    public void Deleted_blobs_and_containers_stay_recoverable_for_a_retention_the_deployer_sets() =>
        Assert.Empty(RetentionRules.BlobAndContainerSoftDeleteAreOn(Template));

    [Fact]
    public void A_lifecycle_rule_deletes_leftover_claim_check_payloads_after_a_number_of_days_the_deployer_sets() =>
        Assert.Empty(RetentionRules.LeftoverClaimCheckPayloadsAreDeleted(Template));

    [Fact]
    public void Template_reads_the_settings_the_sample_lists_and_nothing_local_only()
    {
        var names = TemplateAppSettings.Read(Template).Select(s => s.Name).ToList();

        Assert.Contains("KeyVault__VaultUri", names);
        Assert.Contains("Sync__EventsQueue", names);
        Assert.DoesNotContain("AzureWebJobsStorage", names);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Azure_yaml_deploys_the_function_project_to_the_app_the_template_tags()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryLayout.Root, "azure.yaml"));
        var services = Array.FindIndex(lines, line => line.TrimEnd() == "services:");
        Assert.True(services >= 0, "azure.yaml has no services section");
        var service = lines[services + 1].Trim().TrimEnd(':');
        var site = Template.Deployed("Microsoft.Web/sites").Single();
        var tags = (string?)site.Json["tags"] ?? string.Empty;
        var (tagged, _) = site.Scope.Dereference(JsonValue.Create("[parameters('azdServiceName')]"));

        Assert.Contains("createObject('azd-service-name', parameters('azdServiceName'))", tags, StringComparison.Ordinal);
        Assert.Equal(service, (string?)tagged);
        Assert.Equal("function", YamlValue(lines, services, "host"));
        Assert.Equal("dotnet", YamlValue(lines, services, "language"));
        Assert.Single(Directory.GetFiles(Path.Combine(RepositoryLayout.Root, YamlValue(lines, services, "project")), "RoezanGhl.Functions.csproj"));
        Assert.True(File.Exists(Path.Combine(RepositoryLayout.Root, YamlValue(lines, 0, "path"), YamlValue(lines, 0, "module") + ".bicep")));
    }

    private static string YamlValue(string[] lines, int from, string key) =>
        lines.Skip(from).Select(line => line.Trim()).First(line => line.StartsWith(key + ":", StringComparison.Ordinal))[(key.Length + 1)..].Trim();
}
