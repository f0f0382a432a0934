using System.Globalization;

namespace RoezanGhl.Engine.Console;

/// <summary>The entity tag of a configuration version, <c>"v3"</c> (<c>"v0"</c>: the seed), and back.</summary>
public static class VersionTag
{
    public static string Of(int version) => string.Create(CultureInfo.InvariantCulture, $"\"v{version}\"");

    /// <summary>The version an <c>If-Match</c> value names; false for a missing, weak, list or other tag.</summary>
    public static bool TryParse(string? tag, out int version)
    {
        version = 0;
        var text = tag?.Trim();
        return text is { Length: > 3 } && text.StartsWith("\"v", StringComparison.Ordinal) && text.EndsWith('"')
            && int.TryParse(text.AsSpan(2, text.Length - 3), NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
