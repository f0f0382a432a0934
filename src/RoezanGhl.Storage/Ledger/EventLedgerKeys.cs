namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// Table keys for ledger rows: PartitionKey is the account, RowKey the event id. Table storage forbids
/// <c>/ \ # ?</c> and control characters in keys, and event ids are the source system's to choose, so those
/// characters (and <c>%</c>, to keep the mapping reversible) are written as <c>%XX</c>.
/// </summary>
public static class EventLedgerKeys
{
    internal const char EscapeMark = '%';

    public static string PartitionKey(string accountId) => TableKeys.Escape(accountId.ToLowerInvariant(), EscapeMark);

    public static string RowKey(string eventId) => TableKeys.Escape(eventId, EscapeMark);
}
