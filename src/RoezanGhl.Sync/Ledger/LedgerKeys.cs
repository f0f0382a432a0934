namespace RoezanGhl.Sync.Ledger;

/// <summary>Where an event's ledger entry lives: partition by account, row by event id.</summary>
internal static class LedgerKeys
{
    public static string Partition(string accountId) => accountId;

    public static string Row(string eventId) => eventId;
}
