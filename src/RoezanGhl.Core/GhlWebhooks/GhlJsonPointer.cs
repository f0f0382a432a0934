using System.Globalization;
using System.Text;

namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>RFC 6901 JSON pointers for field errors: built from names and indexes, or from System.Text.Json's paths.</summary>
internal static class GhlJsonPointer
{
    public static string Member(string pointer, string name) => pointer + "/" + Escape(name);

    public static string Item(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>~</c> → <c>~0</c>, <c>/</c> → <c>~1</c> (RFC 6901 §3).</summary>
    public static string Escape(string name) =>
        name.Contains('~', StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal)
            ? name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
            : name;

    /// <summary>
    /// <c>$.customFields[0].id</c> → <c>/customFields/0/id</c>; <c>$['a.b']</c> → <c>/a.b</c>; <c>$</c> or
    /// nothing → the empty pointer (the whole body).
    /// </summary>
    public static string FromJsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return string.Empty;
        }

        var pointer = new StringBuilder();
        var i = path[0] == '$' ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                pointer.Append('/').Append(Escape(path[(i + 1)..end]));
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                pointer.Append('/').Append(Escape(path[(i + 2)..end]));
                i = Math.Min(end + 2, path.Length);
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                end = end < 0 ? path.Length : end;
                pointer.Append('/').Append(path, i + 1, end - i - 1);
                i = Math.Min(end + 1, path.Length);
            }
            else
            {
                // Not a path System.Text.Json writes; keep the rest as one segment rather than guess.
                pointer.Append('/').Append(Escape(path[i..]));
                break;
            }
        }

        return pointer.ToString();
    }
}
