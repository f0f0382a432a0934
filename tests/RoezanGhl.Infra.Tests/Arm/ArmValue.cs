using System.Globalization;
using System.Text.Json.Nodes;

namespace RoezanGhl.Infra.Tests.Arm;

/// <summary>
/// What an ARM value comes to at build time: JSON (from the template, whose strings may still be
/// expressions of <see cref="Scope"/>, or computed), an object built by <c>createObject()</c>, or a
/// symbol: canonical text for what only Azure knows when it deploys, such as
/// <c>resourceId('Microsoft.KeyVault/vaults', format('kv-{0}', toLower(uniqueString(...))))</c>.
/// Two symbols with the same text stand for the same thing, which is how rules tell which vault a
/// setting, a role assignment or a private endpoint is about.
/// </summary>
public sealed class ArmValue
{
    private ArmValue(JsonNode? json, ArmScope? scope, IReadOnlyDictionary<string, ArmValue>? members, string? symbol)
    {
        Json = json;
        Scope = scope;
        Members = members;
        Symbol = symbol;
    }

    public static ArmValue Null { get; } = new(null, null, null, null);

    /// <summary>JSON from the template: its strings are evaluated as expressions of <paramref name="scope"/> when read.</summary>
    public static ArmValue FromTemplate(JsonNode? json, ArmScope scope) => new(json, scope, null, null);

    /// <summary>A value computed by the evaluator: its strings are plain text.</summary>
    public static ArmValue Of(JsonNode? json) => new(json, null, null, null);

    public static ArmValue FromMembers(IReadOnlyDictionary<string, ArmValue> members) => new(null, null, members, null);

    public static ArmValue Unknown(string symbol) => new(null, null, null, symbol);

    public JsonNode? Json { get; }

    /// <summary>The scope whose expressions the template JSON holds; null for computed values.</summary>
    public ArmScope? Scope { get; }

    public IReadOnlyDictionary<string, ArmValue>? Members { get; }

    public string? Symbol { get; }

    public bool IsKnown => Symbol is null;

    public string? AsString() => Json is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public bool? AsBool() => Json is JsonValue value && value.TryGetValue(out bool flag) ? flag : null;

    public long? AsInteger() =>
        Json is not JsonValue value ? null : value.TryGetValue(out long number) ? number : value.TryGetValue(out int small) ? small : null;

    /// <summary>Canonical text: literals as ARM writes them, symbols as they are.</summary>
    public string Render()
    {
        if (Symbol is not null)
        {
            return Symbol;
        }

        if (Members is not null)
        {
            return $"createObject({string.Join(", ", Members.Select(m => $"{Quote(m.Key)}, {m.Value.Render()}"))})";
        }

        return Json switch
        {
            null => "null()",
            JsonValue value when value.TryGetValue(out string? text) => Quote(text),
            JsonValue value when value.TryGetValue(out bool flag) => flag ? "true()" : "false()",
            JsonValue when AsInteger() is { } number => number.ToString(CultureInfo.InvariantCulture),
            _ => Json.ToJsonString(),
        };
    }

    public override string ToString() => Render();

    private static string Quote(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
}
