using System.Text.Json.Nodes;
using RoezanGhl.Infra.Tests.Arm;
using RoezanGhl.Infra.Tests.Rules;

namespace RoezanGhl.Infra.Tests;

/// <summary>The console sign-in rule, broken the ways a careless edit would break it.</summary>
public static class ConsoleAuthMutations
{
    private const string Rule = nameof(ConsoleAuthRules.ConsoleSignInIsEntraIdWithOnlyCallbacksPublic);

    public static IReadOnlyDictionary<string, (Action<ArmTemplate> Break, string Rule, string Reported)> Cases { get; } =
        new Dictionary<string, (Action<ArmTemplate> Break, string Rule, string Reported)>
        {
            ["console reachable anonymously"] = (t => Validation(t)["unauthenticatedClientAction"] = "AllowAnonymous", Rule, "RedirectToLoginPage"),
            ["authentication not required"] = (t => Validation(t)["requireAuthentication"] = false, Rule, "RedirectToLoginPage"),
            ["console path excluded"] = (t => ((JsonArray)Validation(t)["excludedPaths"]!).Add("/api/console"), Rule, "anonymous callers reach /api/console"),
            ["webhook not excluded"] = (t => Validation(t)["excludedPaths"] = new JsonArray("/api/ghl", "/api/health"), Rule, "does not exclude /api/roezan"),
            ["built-in auth switched off"] = (t => Auth(t).Properties!["platform"]!["enabled"] = false, Rule, "platform.enabled"),
            ["client id hard-coded"] = (t => Auth(t).Properties!["identityProviders"]!["azureActiveDirectory"]!["registration"]!["clientId"] = "00000000-0000-0000-0000-000000000000", Rule, "Entra ID provider"),
            ["deployed unconditionally"] = (t => Auth(t).Json.Remove("condition"), Rule, "on condition"),
            ["console access fixed to Key"] = (t => ((JsonObject)TemplateAppSettings.Read(t).First(s => s.Name == "Console__Access").Value!.Parent!)["Console__Access"] = "Key", Rule, "Console__Access"),
        };

    private static ArmResource Auth(ArmTemplate template) =>
        template.Deployed("Microsoft.Web/sites/config").First(config => config.Name.Contains("authsettingsV2", StringComparison.Ordinal));

    private static JsonObject Validation(ArmTemplate template) => (JsonObject)Auth(template).Properties!["globalValidation"]!;
}
