using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace RoezanGhl.Infra.Tests.Arm;

/// <summary>
/// The template functions the evaluator computes when their arguments are known. Anything else
/// (resourceId, uniqueString, subscription(), a user-defined function) is left to Azure: the
/// evaluator turns it into a symbol.
/// </summary>
internal static class ArmFunctions
{
    /// <summary>The public cloud, the one the rules assume when they name privatelink zones.</summary>
    public static JsonObject AzureCloud() => new()
    {
        ["name"] = "AzureCloud",
        ["suffixes"] = new JsonObject
        {
            ["storage"] = "core.windows.net",
            ["keyvaultDns"] = ".vault.azure.net",
        },
    };

    /// <summary>The function's value, or null when it cannot be computed before deployment.</summary>
    public static ArmValue? TryApply(string function, IReadOnlyList<ArmValue> arguments)
    {
        var name = function.ToUpperInvariant();
        if (name == "CREATEOBJECT")
        {
            return CreateObject(arguments);
        }

        if (arguments.Any(argument => !argument.IsKnown))
        {
            return null;
        }

        return name switch
        {
            "NULL" => ArmValue.Null,
            "TRUE" => ArmValue.Of(true),
            "FALSE" => ArmValue.Of(false),
            "ENVIRONMENT" => ArmValue.Of(AzureCloud()),
            "FORMAT" => Text(Format(arguments)),
            "CONCAT" => Text(Strings(arguments) is { } parts ? string.Concat(parts) : null),
            "REPLACE" => Text(Strings(arguments) is [var text, var old, var replacement] ? text.Replace(old, replacement, StringComparison.Ordinal) : null),
            "TOLOWER" => Text(Strings(arguments) is [var lower] ? lower.ToLowerInvariant() : null),
            "TOUPPER" => Text(Strings(arguments) is [var upper] ? upper.ToUpperInvariant() : null),
            "STRING" => Text(arguments is [var single] ? Stringify(single) : null),
            "NOT" => Flag(arguments is [var operand] && operand.AsBool() is { } flag ? !flag : null),
            "AND" => Flag(Flags(arguments) is { } all ? all.All(f => f) : null),
            "OR" => Flag(Flags(arguments) is { } any ? any.Any(f => f) : null),
            "EQUALS" => Flag(arguments is [var left, var right] && left.Members is null && right.Members is null ? JsonNode.DeepEquals(left.Json, right.Json) : null),
            "EMPTY" => Flag(arguments is [var value] ? IsEmpty(value) : null),
            _ => null,
        };
    }

    private static ArmValue? CreateObject(IReadOnlyList<ArmValue> arguments)
    {
        var members = new Dictionary<string, ArmValue>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < arguments.Count; i += 2)
        {
            if (arguments[i].AsString() is not { } key)
            {
                return null;
            }

            members[key] = arguments[i + 1];
        }

        return arguments.Count % 2 == 0 ? ArmValue.FromMembers(members) : null;
    }

    // format('{0}-{1}', a, b): {n} and {n:spec} take argument n, {{ and }} are braces.
    private static string? Format(IReadOnlyList<ArmValue> arguments)
    {
        if (arguments.Count == 0 || arguments[0].AsString() is not { } pattern)
        {
            return null;
        }

        var result = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] is '{' or '}' && i + 1 < pattern.Length && pattern[i + 1] == pattern[i])
            {
                result.Append(pattern[i++]);
                continue;
            }

            if (pattern[i] != '{')
            {
                result.Append(pattern[i]);
                continue;
            }

            var end = pattern.IndexOf('}', i);
            var index = end < 0 ? -1 : int.Parse(pattern.AsSpan(i + 1, end - i - 1).ToString().Split(':')[0], CultureInfo.InvariantCulture);
            if (index < 0 || index + 1 >= arguments.Count || Stringify(arguments[index + 1]) is not { } text)
            {
                return null;
            }

            result.Append(text);
            i = end;
        }

        return result.ToString();
    }

    private static string? Stringify(ArmValue value) =>
        value.AsString() ?? (value.AsInteger() is { } number ? number.ToString(CultureInfo.InvariantCulture)
            : value.AsBool() is { } flag ? (flag ? "True" : "False") : null);

    private static string[]? Strings(IReadOnlyList<ArmValue> arguments)
    {
        var texts = arguments.Select(argument => argument.AsString()).ToArray();
        return texts.Any(text => text is null) ? null : texts.Select(text => text!).ToArray();
    }

    private static bool[]? Flags(IReadOnlyList<ArmValue> arguments)
    {
        var flags = arguments.Select(argument => argument.AsBool()).ToArray();
        return flags.Any(flag => flag is null) ? null : flags.Select(flag => flag!.Value).ToArray();
    }

    private static bool? IsEmpty(ArmValue value) => value.Members is { } members ? members.Count == 0 : value.Json switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        _ => value.AsString() is { } text ? text.Length == 0 : null,
    };

    private static ArmValue? Text(string? text) => text is null ? null : ArmValue.Of(text);

    private static ArmValue? Flag(bool? flag) => flag is null ? null : ArmValue.Of(flag.Value);
}
