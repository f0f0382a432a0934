using System.Collections.Frozen;

namespace RoezanGhl.Core.Mapping;

/// <summary>The camelCase names of <see cref="StandardContactField"/> as written in configuration and sent to GHL.</summary>
public static class StandardContactFields
{
    private static readonly FrozenDictionary<string, StandardContactField> ByName =
        Enum.GetValues<StandardContactField>().ToFrozenDictionary(NameOf, field => field, StringComparer.Ordinal);

    /// <summary>Every field name, in the order GHL's contact documents list them.</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<StandardContactField>().Select(NameOf).ToArray();

    /// <summary>"firstName" for <see cref="StandardContactField.FirstName"/>.</summary>
    public static string NameOf(StandardContactField field)
    {
        var name = field.ToString();
        return string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
    }

    /// <summary>The field with this exact camelCase name.</summary>
    public static bool TryParse(string? name, out StandardContactField field) => ByName.TryGetValue(name ?? string.Empty, out field);
}
