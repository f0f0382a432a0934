using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RoezanGhl.Infra.Tests.Arm;

/// <summary>
/// One template in the nesting: its parameters and variables, and the parameter values its deployment
/// passes in from the enclosing template. Resolves the few expression shapes Bicep emits for plain
/// pass-through values; anything else stays an expression.
/// </summary>
public sealed partial class ArmScope
{
    public ArmScope(JsonObject template, ArmScope? parent, JsonObject? deploymentParameters, ArmResource? deployment = null)
    {
        Template = template;
        Parent = parent;
        DeploymentParameters = deploymentParameters;
        Deployment = deployment;
    }

    public JsonObject Template { get; }

    public ArmScope? Parent { get; }

    /// <summary>The <c>properties.parameters</c> of the deployment that runs this template.</summary>
    public JsonObject? DeploymentParameters { get; }

    /// <summary>The deployment (module) resource that runs this template; null for the main template.</summary>
    public ArmResource? Deployment { get; }

    /// <summary>The resources of this template keyed by symbolic name (languageVersion 2.0); empty for a 1.0 list.</summary>
    public JsonObject SymbolicResources => Template["resources"] as JsonObject ?? [];

    public JsonObject Variables => Template["variables"] as JsonObject ?? [];

    public JsonObject Parameters => Template["parameters"] as JsonObject ?? [];

    /// <summary>
    /// The name of the top-level template parameter that a value comes from when it is passed down
    /// unchanged (<c>[parameters('x')]</c> at every level); null for literals and computed values.
    /// </summary>
    public string? RootParameterOf(JsonNode? value)
    {
        if (value is not JsonValue jsonValue || !jsonValue.TryGetValue(out string? text))
        {
            return null;
        }

        var match = WholeParameterReference().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups[1].Value;
        if (Parent is null)
        {
            return Parameters.ContainsKey(name) ? name : null;
        }

        return Parent.RootParameterOf(DeploymentParameters?[name]?["value"]);
    }

    /// <summary>
    /// The value a reference names when it is a whole <c>[variables('x')]</c> or <c>[parameters('x')]</c>
    /// expression: the variable's value, or the value the deployment passes in (followed upwards while
    /// it is itself such a reference). Other values come back as they are.
    /// </summary>
    public (JsonNode? Value, ArmScope Scope) Dereference(JsonNode? value)
    {
        if (value is not JsonValue jsonValue || !jsonValue.TryGetValue(out string? text))
        {
            return (value, this);
        }

        if (WholeVariableReference().Match(text) is { Success: true } variable)
        {
            return Dereference(Variables[variable.Groups[1].Value]);
        }

        if (Parent is not null && WholeParameterReference().Match(text) is { Success: true } parameter
            && DeploymentParameters?[parameter.Groups[1].Value]?["value"] is { } passed)
        {
            return Parent.Dereference(passed);
        }

        return (value, this);
    }

    /// <summary>Replaces <c>variables('x')['k']</c> and <c>variables('x').k</c> with the string literal they name.</summary>
    public string ExpandVariableMembers(string expression) =>
        VariableMember().Replace(expression, match =>
        {
            var key = match.Groups[2].Success ? match.Groups[2].Value : match.Groups[3].Value;
            return Variables[match.Groups[1].Value] is JsonObject variable
                && variable[key] is JsonValue member && member.TryGetValue(out string? literal)
                ? $"'{literal}'"
                : match.Value;
        });

    /// <summary>The names of every <c>variables('x')</c> and <c>parameters('x')</c> an expression mentions.</summary>
    public static IEnumerable<(string Kind, string Name)> References(string expression) =>
        AnyReference().Matches(expression).Select(m => (m.Groups[1].Value, m.Groups[2].Value));

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\]$")]
    private static partial Regex WholeParameterReference();

    [GeneratedRegex(@"^\[variables\('([^']+)'\)\]$")]
    private static partial Regex WholeVariableReference();

    [GeneratedRegex(@"variables\('([^']+)'\)(?:\['([^']+)'\]|\.([A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex VariableMember();

    [GeneratedRegex(@"\b(variables|parameters)\('([^']+)'\)")]
    private static partial Regex AnyReference();
}
