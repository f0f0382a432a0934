using System.Text.Json.Nodes;

namespace RoezanGhl.Infra.Tests.Arm;

/// <summary>One app setting a template gives a function app: its name, its value (literal or expression) and where the value is declared.</summary>
public sealed record TemplateAppSetting(string Name, JsonNode? Value, ArmScope Scope)
{
    /// <summary>The value when it is a literal string; null for expressions and other JSON.</summary>
    public string? Literal =>
        Value is JsonValue value && value.TryGetValue(out string? text) && !text.StartsWith('[') ? text : null;
}
