namespace RoezanGhl.Credentials.Tokens;

/// <summary>Table storage keys may not hold '/', '\', '#', '?' or control characters: ids are percent-encoded.</summary>
internal static class TableKey
{
    public static string Escape(string id) => Uri.EscapeDataString(id);

    public static string Unescape(string key) => Uri.UnescapeDataString(key);
}
