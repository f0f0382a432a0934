using System.Text.Json.Nodes;
using RoezanGhl.Infra.Tests.Arm;

namespace RoezanGhl.Infra.Tests.Rules;

/// <summary>
/// The console's sign-in in Azure: App Service built-in authentication (<c>authsettingsV2</c>) with Microsoft Entra ID
/// on the function app, deployed when an app registration client id is given; every path needs a signed-in person
/// except exactly the callers that prove themselves otherwise (Roezan's webhook, GHL's OAuth callback and webhooks,
/// the health probe); and the app's <c>Console__Access</c> follows the same parameter.
/// </summary>
public static class ConsoleAuthRules
{
    public static readonly IReadOnlySet<string> PublicPaths = new HashSet<string>(StringComparer.Ordinal) { "/api/roezan", "/api/ghl", "/api/health" };

    public static IEnumerable<string> ConsoleSignInIsEntraIdWithOnlyCallbacksPublic(ArmTemplate template)
    {
        var auth = template.Deployed("Microsoft.Web/sites/config").Where(config => config.Name.Contains("authsettingsV2", StringComparison.Ordinal)).ToList();
        if (auth.Count != 1)
        {
            yield return $"expected one authsettingsV2 on the function app, found {auth.Count}";
            yield break;
        }

        var settings = auth[0];
        if (!settings.IsConditional || !Mentions(settings.Json["condition"], "consoleClientId"))
        {
            yield return "authsettingsV2 is not deployed on condition of the consoleClientId parameter";
        }

        var properties = settings.Properties ?? [];
        var validation = properties["globalValidation"];
        if (!IsTrue(properties["platform"]?["enabled"]))
        {
            yield return "platform.enabled is not true";
        }

        if (!IsTrue(validation?["requireAuthentication"]) || (string?)validation?["unauthenticatedClientAction"] != "RedirectToLoginPage")
        {
            yield return "globalValidation does not require authentication with RedirectToLoginPage";
        }

        var excluded = (validation?["excludedPaths"] as JsonArray ?? []).Select(path => (string?)path ?? string.Empty).ToHashSet(StringComparer.Ordinal);
        foreach (var path in excluded.Except(PublicPaths))
        {
            yield return $"excludedPaths lets anonymous callers reach {path}";
        }

        foreach (var path in PublicPaths.Except(excluded))
        {
            yield return $"excludedPaths does not exclude {path} (its callers cannot sign in)";
        }

        var entra = properties["identityProviders"]?["azureActiveDirectory"];
        if (!IsTrue(entra?["enabled"]) || !Mentions(entra?["registration"]?["clientId"], "consoleClientId") || !Mentions(entra?["registration"]?["openIdIssuer"], "loginEndpoint"))
        {
            yield return "the Entra ID provider is not enabled with the consoleClientId parameter and the cloud's login endpoint";
        }

        var access = TemplateAppSettings.Read(template).FirstOrDefault(setting => setting.Name == "Console__Access");
        if (access is null || !Mentions(access.Value, "consoleClientId") || !Mentions(access.Value, "EntraId"))
        {
            yield return "Console__Access is not EntraId exactly when consoleClientId is given";
        }
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue(out bool flag) && flag;

    private static bool Mentions(JsonNode? node, string text) => node?.ToJsonString().Contains(text, StringComparison.Ordinal) == true;
}
