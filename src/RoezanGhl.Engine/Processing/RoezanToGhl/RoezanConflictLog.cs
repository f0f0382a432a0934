using Microsoft.Extensions.Logging;

namespace RoezanGhl.Engine.Processing.RoezanToGhl;

/// <summary>The Roezan → GHL side's conflict line: field names only, never values (the ledger holds those).</summary>
internal static partial class RoezanConflictLog
{
    [LoggerMessage(EventId = 5411, Level = LogLevel.Warning,
        Message = "Roezan event {EventId} for account {AccountId} conflicts with a GHL change on {Fields} (GHL contact {GhlContactId}); {Winner} kept, the ledger entry's plan holds both values hashed")]
    public static partial void Conflict(ILogger logger, string eventId, string accountId, string ghlContactId, string fields, string winner);
}
