namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// The ledger's column names that the processor reads or writes: the shared ones of
/// <see cref="EventLedgerEntry"/> and the processing additions (written by merge, so the webhook's
/// typed entity simply does not see them).
/// </summary>
internal static class LedgerColumns
{
    public const string Type = nameof(EventLedgerEntry.Type);
    public const string Status = nameof(EventLedgerEntry.Status);
    public const string Attempts = nameof(EventLedgerEntry.Attempts);
    public const string LastError = nameof(EventLedgerEntry.LastError);
    public const string GhlTraceId = nameof(EventLedgerEntry.GhlTraceId);
    public const string UpdatedAt = nameof(EventLedgerEntry.UpdatedAt);
    public const string AcceptedAt = nameof(EventLedgerEntry.AcceptedAt);
    public const string ClaimedAt = nameof(EventLedgerEntry.ClaimedAt);
    public const string ClaimedBy = nameof(EventLedgerEntry.ClaimedBy);

    // Processing additions.
    public const string Outcome = "Outcome";
    public const string GhlContactId = "GhlContactId";
    public const string Plan = "Plan";
    public const string Progress = "Progress";
    public const string Leases = "Leases";
    public const string CleanStop = "CleanStop";
    public const string LastAttemptAt = "LastAttemptAt";
}
