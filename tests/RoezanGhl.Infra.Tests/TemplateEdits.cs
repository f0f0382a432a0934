using System.Text.Json.Nodes;
using RoezanGhl.Infra.Tests.Arm;

namespace RoezanGhl.Infra.Tests;

/// <summary>Finds the parts of a compiled template (a copy) that a mutation test changes, by module and symbolic name.</summary>
public static class TemplateEdits
{
    /// <summary>The template a module path deploys: "" is the main template, "network/queueEndpoint" a module of a module.</summary>
    public static JsonObject ModuleTemplate(ArmTemplate template, string modulePath) =>
        modulePath.Length == 0
            ? template.Root
            : modulePath.Split('/').Aggregate(template.Root, (current, module) => (JsonObject)current["resources"]![module]!["properties"]!["template"]!);

    /// <summary>The resources object of a module's template (remove from it to drop a resource).</summary>
    public static JsonObject Resources(ArmTemplate template, string modulePath) => (JsonObject)ModuleTemplate(template, modulePath)["resources"]!;

    /// <summary>One resource of a module's template by its symbolic name.</summary>
    public static JsonObject Resource(ArmTemplate template, string modulePath, string symbol) => (JsonObject)Resources(template, modulePath)[symbol]!;

    /// <summary>The properties of that resource.</summary>
    public static JsonObject Properties(ArmTemplate template, string modulePath, string symbol) => (JsonObject)Resource(template, modulePath, symbol)["properties"]!;

    /// <summary>The parameters a module's deployment passes in ({ name: { value } }).</summary>
    public static JsonObject ModuleParameters(ArmTemplate template, string modulePath)
    {
        var slash = modulePath.LastIndexOf('/');
        var (parent, module) = slash < 0 ? (string.Empty, modulePath) : (modulePath[..slash], modulePath[(slash + 1)..]);
        return (JsonObject)Properties(template, parent, module)["parameters"]!;
    }

    /// <summary>A parameter declaration of the main template.</summary>
    public static JsonObject RootParameter(ArmTemplate template, string name) => (JsonObject)template.Root["parameters"]![name]!;
}
