using Microsoft.Extensions.Logging;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>Logs of reconciliation's catch-up of GHL changes: ids and counts, never contact values.</summary>
internal static partial class GhlCatchUpLog
{
    [LoggerMessage(EventId = 7075, EventName = "ReconcileGhlChangeFed", Level = LogLevel.Information,
        Message = "GHL contact {GhlContactId} of location {LocationId} changed without a webhook reaching us; queued as event {EventId} of account {AccountId}")]
    public static partial void ChangeFed(ILogger logger, string eventId, string accountId, string locationId, string ghlContactId);

    [LoggerMessage(EventId = 7076, EventName = "ReconcileGhlSearchWalked", Level = LogLevel.Information,
        Message = "The catch-up of GHL changes in location {LocationId} reached the end of its walk since {Since}; the next walk starts at {NextSince}")]
    public static partial void WalkEnded(ILogger logger, string locationId, DateTimeOffset since, DateTimeOffset nextSince);
}
