using System.Text.Json.Nodes;

namespace RoezanGhl.Infra.Tests.Arm;

/// <summary>One resource of a compiled template, with the template (scope) it is declared in.</summary>
public sealed class ArmResource
{
    public ArmResource(JsonObject json, ArmScope scope, string? symbol = null)
    {
        Json = json;
        Scope = scope;
        Symbol = symbol;
    }

    public JsonObject Json { get; }

    public ArmScope Scope { get; }

    /// <summary>The symbolic name the template keys it by (languageVersion 2.0); null in a 1.0 list.</summary>
    public string? Symbol { get; }

    public string Type => (string?)Json["type"] ?? string.Empty;

    /// <summary>The name: a literal or an ARM expression such as <c>[guid(...)]</c>.</summary>
    public string Name => (string?)Json["name"] ?? string.Empty;

    public JsonObject? Properties => Json["properties"] as JsonObject;

    /// <summary>The nested template of a deployment (module), run in its own scope; null for other resources.</summary>
    public ArmScope? NestedScope =>
        Properties?["template"] is JsonObject nested ? new ArmScope(nested, Scope, Properties["parameters"] as JsonObject, this) : null;

    /// <summary>A reference to a resource deployed elsewhere (<c>existing</c> in Bicep).</summary>
    public bool IsExisting => Json["existing"] is JsonValue value && value.TryGetValue(out bool existing) && existing;

    /// <summary>Whether the template deploys it only under a condition.</summary>
    public bool IsConditional => Json.ContainsKey("condition");

    public override string ToString() => $"{Type} {Name}";
}
