namespace RoezanGhl.Sync.Ledger;

/// <summary>The ledger's column names that the processor reads or writes.</summary>
internal static class LedgerColumns
{
    public const string EventType = "EventType";
    public const string Status = "Status";
    public const string Attempts = "Attempts";
    public const string LastError = "LastError";
    public const string GhlTraceId = "GhlTraceId";
    public const string UpdatedAt = "UpdatedAt";

    // Processing additions.
    public const string Outcome = "Outcome";
    public const string GhlContactId = "GhlContactId";
    public const string Plan = "Plan";
    public const string Progress = "Progress";
    public const string Leases = "Leases";
    public const string ProcessingBy = "ProcessingBy";
    public const string ProcessingUntil = "ProcessingUntil";
    public const string CleanStop = "CleanStop";
    public const string LastAttemptAt = "LastAttemptAt";
}
