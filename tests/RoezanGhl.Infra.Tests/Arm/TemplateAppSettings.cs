using System.Text.Json.Nodes;

namespace RoezanGhl.Infra.Tests.Arm;

/// <summary>
/// Reads the app settings a template gives its function apps: the <c>sites/config</c> <c>appsettings</c>
/// resource (a literal object, or a <c>union()</c> of variables and parameters that hold literal
/// objects) and any <c>siteConfig.appSettings</c> list. Settings computed at deployment time (such as
/// the per-account ones) have no fixed names and are not listed.
/// </summary>
public static class TemplateAppSettings
{
    public static IReadOnlyList<TemplateAppSetting> Read(ArmTemplate template)
    {
        var settings = new List<TemplateAppSetting>();
        foreach (var config in template.Deployed("Microsoft.Web/sites/config")
                     .Where(r => r.Name.Contains("appsettings", StringComparison.OrdinalIgnoreCase)))
        {
            settings.AddRange(FromObjectOrExpression(config.Json["properties"], config.Scope));
        }

        foreach (var site in template.Deployed("Microsoft.Web/sites"))
        {
            if (site.Properties?["siteConfig"]?["appSettings"] is JsonArray list)
            {
                settings.AddRange(list.OfType<JsonObject>().Select(item =>
                    new TemplateAppSetting((string?)item["name"] ?? string.Empty, item["value"], site.Scope)));
            }
        }

        return settings;
    }

    private static IEnumerable<TemplateAppSetting> FromObjectOrExpression(JsonNode? node, ArmScope scope)
    {
        if (node is JsonObject literal)
        {
            return literal.Select(p => new TemplateAppSetting(p.Key, p.Value, scope));
        }

        if (node is JsonValue value && value.TryGetValue(out string? expression))
        {
            return ArmScope.References(expression)
                .Select(reference => scope.Dereference(JsonValue.Create($"[{reference.Kind}('{reference.Name}')]")))
                .Where(resolved => resolved.Value is JsonObject)
                .SelectMany(resolved => ((JsonObject)resolved.Value!)
                    .Select(p => new TemplateAppSetting(p.Key, p.Value, resolved.Scope)));
        }

        return [];
    }
}
