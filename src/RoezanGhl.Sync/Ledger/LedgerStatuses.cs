namespace RoezanGhl.Sync.Ledger;

/// <summary>The ledger's status names as the processor writes them.</summary>
public static class LedgerStatuses
{
    public const string Received = "Received";
    public const string Queued = "Queued";
    public const string Processing = "Processing";
    public const string Applied = "Applied";
    public const string Skipped = "Skipped";
    public const string Failed = "Failed";
    public const string Conflict = "Conflict";
    public const string Waiting = "Waiting";

    public static bool IsFinal(string? status) => status is Applied or Skipped or Failed or Conflict;
}
