using System.Globalization;
using System.Text;

namespace RoezanGhl.Storage;

/// <summary>
/// The one escaper of Table storage keys. PartitionKey and RowKey may not hold <c>/ \ # ?</c> or control
/// characters, and the ids we key by are other systems' to choose, so each of those characters, and the escape
/// mark itself (to keep the mapping reversible), is written as the mark and two hex digits. Each table keeps the
/// mark its rows were first written with: <c>%</c> for the event ledger and the token tables (<c>a%2Fb</c>),
/// <c>~</c> for the links table and the reconcile cursors and summaries (<c>a~2Fb</c>).
/// </summary>
public static class TableKeys
{
    public static string Escape(string value, char escapeMark)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (!value.Any(c => MustEscape(c, escapeMark)))
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (MustEscape(c, escapeMark))
            {
                text.Append(escapeMark).Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>The value <see cref="Escape"/> was given for <paramref name="key"/>.</summary>
    public static string Unescape(string key, char escapeMark)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Contains(escapeMark, StringComparison.Ordinal))
        {
            return key;
        }

        var text = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == escapeMark && i + 2 < key.Length
                && int.TryParse(key.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                text.Append((char)code);
                i += 2;
            }
            else
            {
                text.Append(key[i]);
            }
        }

        return text.ToString();
    }

    private static bool MustEscape(char c, char escapeMark) => c is '/' or '\\' or '#' or '?' || c == escapeMark || char.IsControl(c);
}
