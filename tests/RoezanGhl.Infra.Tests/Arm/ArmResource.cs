using System.Text.Json.Nodes;

namespace RoezanGhl.Infra.Tests.Arm;

/// <summary>One resource of a compiled template, with the template (scope) it is declared in.</summary>
public sealed class ArmResource
{
    public ArmResource(JsonObject json, ArmScope scope)
    {
        Json = json;
        Scope = scope;
    }

    public JsonObject Json { get; }

    public ArmScope Scope { get; }

    public string Type => (string?)Json["type"] ?? string.Empty;

    /// <summary>The name: a literal or an ARM expression such as <c>[guid(...)]</c>.</summary>
    public string Name => (string?)Json["name"] ?? string.Empty;

    public JsonObject? Properties => Json["properties"] as JsonObject;

    /// <summary>A reference to a resource deployed elsewhere (<c>existing</c> in Bicep).</summary>
    public bool IsExisting => Json["existing"] is JsonValue value && value.TryGetValue(out bool existing) && existing;

    /// <summary>Whether the template deploys it only under a condition.</summary>
    public bool IsConditional => Json.ContainsKey("condition");

    public override string ToString() => $"{Type} {Name}";
}
