using System.Text;

namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// Table keys for ledger rows: PartitionKey is the Roezan account, RowKey the event id. Table storage
/// forbids <c>/ \ # ?</c> and control characters in keys, and event ids are Roezan's to choose, so those
/// characters (and <c>%</c>, to keep the mapping reversible) are written as <c>%XX</c>.
/// </summary>
public static class EventLedgerKeys
{
    public static string PartitionKey(string accountId) => Escape(accountId.ToLowerInvariant());

    public static string RowKey(string eventId) => Escape(eventId);

    internal static string Escape(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var needed = false;
        foreach (var c in value)
        {
            if (MustEscape(c))
            {
                needed = true;
                break;
            }
        }

        if (!needed)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (MustEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool MustEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
