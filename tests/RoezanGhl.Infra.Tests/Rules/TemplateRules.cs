using System.Text.Json.Nodes;
using RoezanGhl.Infra.Tests.Arm;
using RoezanGhl.Infra.Tests.Settings;

namespace RoezanGhl.Infra.Tests.Rules;

/// <summary>
/// The security and Flex Consumption rules a compiled template must keep. Each rule returns what it
/// found wrong (empty when the template keeps it), so that a test can run it on the real template and
/// on a deliberately broken copy.
/// </summary>
public static class TemplateRules
{
    /// <summary>App settings and site properties that Flex Consumption rejects or ignores.</summary>
    public static readonly IReadOnlySet<string> FlexRejectedSettings = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "FUNCTIONS_WORKER_RUNTIME",
        "FUNCTIONS_WORKER_RUNTIME_VERSION",
        "FUNCTIONS_EXTENSION_VERSION",
        "FUNCTIONS_MAX_HTTP_CONCURRENCY",
        "FUNCTIONS_WORKER_PROCESS_COUNT",
        "FUNCTIONS_WORKER_DYNAMIC_CONCURRENCY_ENABLED",
        "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTSHARE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
        "WEBSITE_CONTENTOVERVNET",
        "WEBSITE_SKIP_CONTENTSHARE_VALIDATION",
        "WEBSITE_NODE_DEFAULT_VERSION",
        "WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT",
        "WEBSITE_VNET_ROUTE_ALL",
        "WEBSITE_DNS_SERVER",
        "WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED",
        "SCM_DO_BUILD_DURING_DEPLOYMENT",
        "ENABLE_ORYX_BUILD",
        "AzureWebJobsStorage",
    };

    /// <summary>siteConfig properties that belong to the classic plans; Flex Consumption rejects them.</summary>
    public static readonly IReadOnlySet<string> FlexRejectedSiteConfig = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "alwaysOn",
        "linuxFxVersion",
        "netFrameworkVersion",
        "javaVersion",
        "powerShellVersion",
        "use32BitWorkerProcess",
        "functionAppScaleLimit",
        "minimumElasticInstanceCount",
        "preWarmedInstanceCount",
    };

    /// <summary>Settings that only the template sets (infrastructure wiring), so the sample need not list them.</summary>
    public static readonly IReadOnlyList<string> InfrastructureSettingPrefixes =
        ["AzureWebJobsStorage__", "APPLICATIONINSIGHTS_", "AZURE_CLIENT_ID"];

    // Built-in role ids, written here independently of the template so a wrong id there is caught.
    private static readonly IReadOnlyList<(string Role, string Id, string ScopeType)> AppRoles =
    [
        ("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts"),
        ("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts"),
        ("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts"),
        ("Key Vault Secrets Officer", "b86a8fe4-44ce-4948-aee5-eccb2c155cd7", "Microsoft.KeyVault/vaults"),
        ("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components"),
    ];

    private static readonly Version MinimumTls = new(1, 2);

    /// <summary>Every rule, each violation prefixed with the rule's name.</summary>
    public static IReadOnlyList<string> All(ArmTemplate template, LocalSettingsSample sample)
    {
        var rules = new (string Name, Func<IEnumerable<string>> Check)[]
        {
            (nameof(StorageRefusesSharedKeysAndOldTls), () => StorageRefusesSharedKeysAndOldTls(template)),
            (nameof(KeyVaultUsesRbacWithSoftDeleteAndPurgeProtection), () => KeyVaultUsesRbacWithSoftDeleteAndPurgeProtection(template)),
            (nameof(FunctionAppIsHttpsOnlyWithModernTls), () => FunctionAppIsHttpsOnlyWithModernTls(template)),
            (nameof(FunctionAppRunsDotnetIsolated10OnFlexConsumption), () => FunctionAppRunsDotnetIsolated10OnFlexConsumption(template)),
            (nameof(MaximumInstanceCountIsATemplateParameter), () => MaximumInstanceCountIsATemplateParameter(template)),
            (nameof(AppIdentityHoldsTheDataRoles), () => AppIdentityHoldsTheDataRoles(template)),
            (nameof(NothingFlexConsumptionRejects), () => NothingFlexConsumptionRejects(template)),
            (nameof(NoStorageKeyOrConnectionString), () => NoStorageKeyOrConnectionString(template)),
            (nameof(ApplicationInsightsAcceptsEntraOnly), () => ApplicationInsightsAcceptsEntraOnly(template)),
            (nameof(StorageConnectionIsIdentityBased), () => StorageConnectionIsIdentityBased(template)),
            (nameof(AppSettingsMatchTheSample), () => AppSettingsMatchTheSample(template, sample)),
            (nameof(GhlAndScheduleSettingsAreParameters), () => GhlAndScheduleSettingsAreParameters(template)),
            (nameof(OutputsNameTheAppWebhookAndVault), () => OutputsNameTheAppWebhookAndVault(template)),
            (nameof(KeyVaultAccessRules.AppWritesTokensOnly), () => KeyVaultAccessRules.AppWritesTokensOnly(template)),
            (nameof(DiagnosticRules.AuditAndStorageLogsGoToLogAnalytics), () => DiagnosticRules.AuditAndStorageLogsGoToLogAnalytics(template)),
            (nameof(PrivateNetworkRules.PrivateNetworkingIsAParameterOffByDefault), () => PrivateNetworkRules.PrivateNetworkingIsAParameterOffByDefault(template)),
            (nameof(PrivateNetworkRules.PrivateNetworkingTurnsPublicAccessOff), () => PrivateNetworkRules.PrivateNetworkingTurnsPublicAccessOff(template)),
            (nameof(PrivateNetworkRules.AppJoinsASubnetDelegatedToContainerApps), () => PrivateNetworkRules.AppJoinsASubnetDelegatedToContainerApps(template)),
            (nameof(PrivateNetworkRules.PrivateEndpointsCoverTheVaultsAndStorage), () => PrivateNetworkRules.PrivateEndpointsCoverTheVaultsAndStorage(template)),
            (nameof(RetentionRules.BlobAndContainerSoftDeleteAreOn), () => RetentionRules.BlobAndContainerSoftDeleteAreOn(template)),
            (nameof(RetentionRules.LeftoverClaimCheckPayloadsAreDeleted), () => RetentionRules.LeftoverClaimCheckPayloadsAreDeleted(template)),
            (nameof(ConsoleAuthRules.ConsoleSignInIsEntraIdWithOnlyCallbacksPublic), () => ConsoleAuthRules.ConsoleSignInIsEntraIdWithOnlyCallbacksPublic(template)),
        };
        return rules.SelectMany(rule => rule.Check().Select(violation => $"{rule.Name}: {violation}")).ToList();
    }

    public static IEnumerable<string> StorageRefusesSharedKeysAndOldTls(ArmTemplate template) =>
        ForEachDeployed(template, "Microsoft.Storage/storageAccounts", "storage account", StorageAccountViolations);

    public static IEnumerable<string> KeyVaultUsesRbacWithSoftDeleteAndPurgeProtection(ArmTemplate template) =>
        ForEachDeployed(template, "Microsoft.KeyVault/vaults", "Key Vault", KeyVaultViolations);

    public static IEnumerable<string> FunctionAppIsHttpsOnlyWithModernTls(ArmTemplate template) =>
        ForEachDeployed(template, "Microsoft.Web/sites", "function app", SiteTransportViolations);

    public static IEnumerable<string> FunctionAppRunsDotnetIsolated10OnFlexConsumption(ArmTemplate template) =>
        ForEachDeployed(template, "Microsoft.Web/serverfarms", "plan", PlanViolations)
            .Concat(template.Deployed("Microsoft.Web/sites").SelectMany(SiteRuntimeViolations));

    public static IEnumerable<string> MaximumInstanceCountIsATemplateParameter(ArmTemplate template)
    {
        foreach (var site in template.Deployed("Microsoft.Web/sites"))
        {
            var value = site.Properties?["functionAppConfig"]?["scaleAndConcurrency"]?["maximumInstanceCount"];
            var parameter = site.Scope.RootParameterOf(value);
            if (parameter is null)
            {
                yield return $"{site}: maximumInstanceCount is '{value?.ToJsonString()}', not a template parameter";
            }
            else if (Literal(template.RootScope.Parameters[parameter]?["type"]) != "int")
            {
                yield return $"{site}: maximumInstanceCount comes from '{parameter}', which is not an int parameter";
            }
        }
    }

    public static IEnumerable<string> AppIdentityHoldsTheDataRoles(ArmTemplate template)
    {
        var assignments = template.Deployed("Microsoft.Authorization/roleAssignments").ToList();
        var principals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (role, id, scopeType) in AppRoles)
        {
            var grants = assignments
                .Where(a => !a.IsConditional
                    && a.Scope.ExpandVariableMembers(Literal(a.Properties?["roleDefinitionId"]) ?? string.Empty).Contains(id, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (grants.Count == 0)
            {
                yield return $"no unconditional role assignment grants {role} ({id})";
                continue;
            }

            foreach (var grant in grants)
            {
                var scope = Literal(grant.Json["scope"]) ?? string.Empty;
                var principal = Literal(grant.Properties?["principalId"]) ?? string.Empty;
                var name = grant.Scope.ExpandVariableMembers(grant.Name);
                if (!scope.Contains(scopeType, StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"{role} is granted at '{scope}', not on the {scopeType} it is about";
                }

                if (!name.StartsWith("[guid(", StringComparison.Ordinal)
                    || !name.Contains(id, StringComparison.OrdinalIgnoreCase)
                    || !name.Contains(Inner(principal), StringComparison.Ordinal)
                    || !name.Contains(Inner(scope), StringComparison.Ordinal))
                {
                    yield return $"{role}: the assignment name '{grant.Name}' is not guid(scope, principal, role)";
                }

                if (Literal(grant.Properties?["principalType"]) != "ServicePrincipal")
                {
                    yield return $"{role}: principalType must be ServicePrincipal (the app's managed identity)";
                }

                var (source, _) = grant.Scope.Dereference(grant.Properties?["principalId"]);
                var sourceText = Literal(source) ?? source?.ToJsonString() ?? string.Empty;
                if (grant.Scope.RootParameterOf(grant.Properties?["principalId"]) is not null
                    || !sourceText.Contains("principalId", StringComparison.Ordinal))
                {
                    yield return $"{role}: the principal '{sourceText}' is not the deployed identity's principal id";
                }

                principals.Add(sourceText);
            }
        }

        if (principals.Count > 1)
        {
            yield return $"the app's roles go to more than one principal: {string.Join(", ", principals)}";
        }
    }

    public static IEnumerable<string> NothingFlexConsumptionRejects(ArmTemplate template)
    {
        foreach (var setting in TemplateAppSettings.Read(template).Where(s => FlexRejectedSettings.Contains(s.Name)))
        {
            yield return $"app setting {setting.Name} is rejected by Flex Consumption";
        }

        // Also anywhere else (a computed setting name, a siteConfig entry): the names must not appear at all.
        // The template is walked once: it holds every module's template, so a walk per name is slow.
        var propertyNames = PropertyNames(template.Root).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var strings = Strings(template.Root).ToList();
        foreach (var name in FlexRejectedSettings.Where(name => propertyNames.Contains(name) || strings.Any(text => Mentions(text, name))))
        {
            yield return $"the template mentions {name}";
        }

        foreach (var site in template.Deployed("Microsoft.Web/sites"))
        {
            if (site.Properties?["siteConfig"] is JsonObject siteConfig)
            {
                foreach (var property in siteConfig.Where(p => FlexRejectedSiteConfig.Contains(p.Key)))
                {
                    yield return $"{site}: siteConfig.{property.Key} is rejected by Flex Consumption";
                }
            }
        }
    }

    public static IEnumerable<string> NoStorageKeyOrConnectionString(ArmTemplate template)
    {
        foreach (var marker in new[] { "listKeys(", "listAccountSas(", "AccountKey", "DefaultEndpointsProtocol=", "SharedAccessSignature=" })
        {
            if (Strings(template.Root).Any(text => text.Contains(marker, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"the template uses {marker}: storage access must be by identity";
            }
        }
    }

    public static IEnumerable<string> ApplicationInsightsAcceptsEntraOnly(ArmTemplate template) =>
        ForEachDeployed(template, "Microsoft.Insights/components", "Application Insights", ComponentViolations)
            .Concat(TelemetryAuthenticationViolations(template));

    public static IEnumerable<string> StorageConnectionIsIdentityBased(ArmTemplate template)
    {
        var settings = TemplateAppSettings.Read(template).ToDictionary(s => s.Name, StringComparer.Ordinal);
        if (settings.GetValueOrDefault("AzureWebJobsStorage__credential")?.Literal != "managedidentity")
        {
            yield return "AzureWebJobsStorage__credential must be managedidentity";
        }

        foreach (var name in new[] { "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri", "AZURE_CLIENT_ID" })
        {
            if (!settings.ContainsKey(name))
            {
                yield return $"{name} is not set";
            }
        }
    }

    public static IEnumerable<string> AppSettingsMatchTheSample(ArmTemplate template, LocalSettingsSample sample)
    {
        var templateKeys = TemplateAppSettings.Read(template).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var sampleKeys = sample.AppKeys.ToHashSet(StringComparer.Ordinal);
        foreach (var missing in sampleKeys.Where(key => !templateKeys.Contains(key)).Order(StringComparer.Ordinal))
        {
            yield return $"the app reads {missing} (local.settings.sample.json) but the template does not set it";
        }

        foreach (var stale in templateKeys
                     .Where(key => !sampleKeys.Contains(key)
                         && !InfrastructureSettingPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal)))
                     .Order(StringComparer.Ordinal))
        {
            yield return $"the template sets {stale}, which local.settings.sample.json does not list";
        }
    }

    public static IEnumerable<string> GhlAndScheduleSettingsAreParameters(ArmTemplate template)
    {
        var settings = TemplateAppSettings.Read(template).ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var (setting, parameter) in new[] { ("Ghl__BaseUrl", "ghlBaseUrl"), ("Ghl__ApiVersion", "ghlApiVersion"), ("Sync__ReconcileSchedule", "reconcileSchedule") })
        {
            var found = settings.GetValueOrDefault(setting);
            if (found is null || found.Scope.RootParameterOf(found.Value) != parameter)
            {
                yield return $"{setting} must come from the template parameter {parameter}";
            }
        }

        if (Literal(template.RootScope.Parameters["accounts"]?["type"]) != "array")
        {
            yield return "the template needs an accounts array parameter for the Roezan accounts";
        }
    }

    public static IEnumerable<string> OutputsNameTheAppWebhookAndVault(ArmTemplate template)
    {
        var outputs = template.Root["outputs"] as JsonObject ?? [];
        foreach (var name in new[] { "AZURE_FUNCTION_APP_NAME", "AZURE_KEY_VAULT_URI", "AZURE_RESOURCE_GROUP", "ROEZAN_WEBHOOK_URL_BASE" })
        {
            if (!outputs.ContainsKey(name))
            {
                yield return $"output {name} is missing";
            }
        }

        var webhook = Literal(outputs["ROEZAN_WEBHOOK_URL_BASE"]?["value"]) ?? string.Empty;
        if (!webhook.Contains("https://", StringComparison.Ordinal) || !webhook.Contains("/api/roezan/{{accountId}}/events", StringComparison.Ordinal))
        {
            yield return $"ROEZAN_WEBHOOK_URL_BASE is '{webhook}', must be https://<host>/api/roezan/{{accountId}}/events";
        }
    }

    // A rule about one resource type: "none deployed" is itself a violation.
    private static IEnumerable<string> ForEachDeployed(
        ArmTemplate template, string type, string description, Func<ArmResource, IEnumerable<string>> check)
    {
        var resources = template.Deployed(type).ToList();
        return resources.Count == 0 ? [$"the template deploys no {description}"] : resources.SelectMany(check);
    }

    private static IEnumerable<string> StorageAccountViolations(ArmResource account)
    {
        var properties = account.Properties;
        if (!IsFalse(properties?["allowSharedKeyAccess"]))
        {
            yield return $"{account}: allowSharedKeyAccess must be false";
        }

        if (!IsFalse(properties?["allowBlobPublicAccess"]))
        {
            yield return $"{account}: allowBlobPublicAccess must be false";
        }

        if (!IsTrue(properties?["supportsHttpsTrafficOnly"]))
        {
            yield return $"{account}: supportsHttpsTrafficOnly must be true";
        }

        var tls = Literal(properties?["minimumTlsVersion"]);
        if (!IsModernTls(tls?.Replace("TLS", string.Empty, StringComparison.OrdinalIgnoreCase).Replace('_', '.')))
        {
            yield return $"{account}: minimumTlsVersion is '{tls}', must be TLS1_2 or later";
        }
    }

    private static IEnumerable<string> KeyVaultViolations(ArmResource vault)
    {
        foreach (var flag in new[] { "enableRbacAuthorization", "enableSoftDelete", "enablePurgeProtection" })
        {
            if (!IsTrue(vault.Properties?[flag]))
            {
                yield return $"{vault}: {flag} must be true";
            }
        }

        if (vault.Properties?["accessPolicies"] is JsonArray { Count: > 0 })
        {
            yield return $"{vault}: access policies are set; access must be by RBAC only";
        }
    }

    private static IEnumerable<string> SiteTransportViolations(ArmResource site)
    {
        if (!IsTrue(site.Properties?["httpsOnly"]))
        {
            yield return $"{site}: httpsOnly must be true";
        }

        var siteConfig = site.Properties?["siteConfig"] as JsonObject;
        var tls = Literal(siteConfig?["minTlsVersion"]);
        if (!IsModernTls(tls))
        {
            yield return $"{site}: siteConfig.minTlsVersion is '{tls}', must be 1.2 or later";
        }

        if (siteConfig?["scmMinTlsVersion"] is { } scm && !IsModernTls(Literal(scm)))
        {
            yield return $"{site}: siteConfig.scmMinTlsVersion is '{Literal(scm)}', must be 1.2 or later";
        }

        if (Literal(siteConfig?["ftpsState"]) is { } ftps && ftps != "Disabled")
        {
            yield return $"{site}: siteConfig.ftpsState is '{ftps}', must be Disabled";
        }
    }

    private static IEnumerable<string> PlanViolations(ArmResource plan)
    {
        if (Literal(plan.Json["sku"]?["name"]) != "FC1" || Literal(plan.Json["sku"]?["tier"]) != "FlexConsumption")
        {
            yield return $"{plan}: the SKU must be FC1 (FlexConsumption)";
        }

        if (!IsTrue(plan.Properties?["reserved"]))
        {
            yield return $"{plan}: reserved must be true (Linux)";
        }
    }

    private static IEnumerable<string> SiteRuntimeViolations(ArmResource site)
    {
        var config = site.Properties?["functionAppConfig"];
        if (Literal(config?["runtime"]?["name"]) != "dotnet-isolated" || Literal(config?["runtime"]?["version"]) != "10.0")
        {
            yield return $"{site}: functionAppConfig.runtime must be dotnet-isolated 10.0";
        }

        var kind = Literal(site.Json["kind"]) ?? string.Empty;
        if (!kind.Contains("functionapp", StringComparison.Ordinal) || !kind.Contains("linux", StringComparison.Ordinal))
        {
            yield return $"{site}: kind is '{kind}', must be functionapp,linux";
        }

        var storage = config?["deployment"]?["storage"];
        if (Literal(storage?["type"]) != "blobContainer")
        {
            yield return $"{site}: functionAppConfig.deployment.storage must be a blob container";
        }

        if (Literal(storage?["authentication"]?["type"]) != "UserAssignedIdentity")
        {
            yield return $"{site}: the deployment container must be read with the user-assigned identity";
        }

        if (config?["scaleAndConcurrency"]?["instanceMemoryMB"] is null)
        {
            yield return $"{site}: functionAppConfig.scaleAndConcurrency.instanceMemoryMB must be set";
        }

        if (Literal(site.Json["identity"]?["type"]) != "UserAssigned")
        {
            yield return $"{site}: the app must run as a user-assigned identity";
        }
    }

    private static IEnumerable<string> ComponentViolations(ArmResource component)
    {
        if (!IsTrue(component.Properties?["DisableLocalAuth"]))
        {
            yield return $"{component}: DisableLocalAuth must be true";
        }

        if (component.Properties?["WorkspaceResourceId"] is null)
        {
            yield return $"{component}: must send to a Log Analytics workspace (WorkspaceResourceId)";
        }
    }

    private static IEnumerable<string> TelemetryAuthenticationViolations(ArmTemplate template)
    {
        var authentication = TemplateAppSettings.Read(template).FirstOrDefault(s => s.Name == "APPLICATIONINSIGHTS_AUTHENTICATION_STRING");
        if (authentication is null
            || !(Literal(authentication.Value) ?? string.Empty).Contains("Authorization=AAD", StringComparison.Ordinal))
        {
            yield return "APPLICATIONINSIGHTS_AUTHENTICATION_STRING must name the identity with Authorization=AAD";
        }
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue(out bool flag) && flag;

    private static bool IsFalse(JsonNode? node) => node is JsonValue value && value.TryGetValue(out bool flag) && !flag;

    private static string? Literal(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static bool IsModernTls(string? version) => Version.TryParse(version, out var parsed) && parsed >= MinimumTls;

    // "[parameters('x')]" -> "parameters('x')", the form the expression appears in inside guid(...).
    private static string Inner(string expression) =>
        expression.StartsWith('[') && expression.EndsWith(']') ? expression[1..^1] : expression;

    private static bool Mentions(string text, string name) =>
        string.Equals(text, name, StringComparison.OrdinalIgnoreCase) || text.Contains($"'{name}'", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue(out string? text) => [text],
        _ => [],
    };

    private static IEnumerable<string> PropertyNames(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => PropertyNames(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(PropertyNames),
        _ => [],
    };
}
