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

    private static string Escape(string value) => TableKeys.Escape(value, '%');
}
