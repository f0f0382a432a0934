using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Planning;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// The sync engine's structured logs: event id, account, location and GHL traceId are fields, so that
/// Application Insights can find every line about one event or one location. No personal values.
/// </summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Event {EventId} ({EventType}) applied to GHL location {LocationId} for account {AccountId}: {StepCount} step(s), contact {GhlContactId}, {ElapsedMs} ms.")]
    public static partial void EventApplied(ILogger logger, string eventId, string eventType, string accountId, string locationId, int stepCount, string? ghlContactId, long elapsedMs);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Event {EventId} ({EventType}) for account {AccountId}, GHL location {LocationId}, skipped: {Reason}")]
    public static partial void EventSkipped(ILogger logger, string eventId, string eventType, string accountId, string locationId, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Event {EventId} is already {Status}; the message is completed without calling GHL.")]
    public static partial void EventAlreadyDone(ILogger logger, string eventId, EventLedgerStatus status);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Event {EventId} for account {AccountId}, GHL location {LocationId}, goes back on the queue for {DelaySeconds} s: {Reason}")]
    public static partial void EventRequeued(ILogger logger, string eventId, string accountId, string locationId, double delaySeconds, string reason);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Event {EventId} for account {AccountId} hit GHL location {LocationId}'s rate limit (traceId {GhlTraceId}); retried in {DelaySeconds} s without spending a dequeue.")]
    public static partial void EventRateLimited(ILogger logger, string eventId, string accountId, string locationId, string? ghlTraceId, double delaySeconds);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Event {EventId} for account {AccountId}, GHL location {LocationId}, failed transiently on attempt {DequeueCount} (traceId {GhlTraceId}); the host retries it.")]
    public static partial void EventTransientFailure(ILogger logger, Exception exception, string eventId, string accountId, string locationId, long dequeueCount, string? ghlTraceId);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Error, Message = "Event {EventId} ({EventType}) for account {AccountId} failed permanently in GHL location {LocationId} (traceId {GhlTraceId}): {Reason}")]
    public static partial void EventFailed(ILogger logger, string eventId, string eventType, string accountId, string locationId, string? ghlTraceId, string reason);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Event {EventId} for account {AccountId}: GHL location {LocationId} did not keep what was sent to contact {GhlContactId} (traceId {GhlTraceId}): {Conflict}")]
    public static partial void EventConflict(ILogger logger, string eventId, string accountId, string locationId, string? ghlContactId, string? ghlTraceId, string conflict);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Error, Message = "Event {EventId} for account {AccountId} waits: GHL location {LocationId} needs attention ({Reason}).")]
    public static partial void LocationNeedsAttention(ILogger logger, string eventId, string accountId, string locationId, string reason);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "Event {EventId}: a {ObjectKind} create in GHL location {LocationId} had an unknown outcome and was found applied ({GhlId}); adopted, not created again.")]
    public static partial void GhostWriteAdopted(ILogger logger, string eventId, string locationId, string objectKind, string ghlId);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Debug, Message = "Event {EventId} step {StepNumber} done in GHL location {LocationId}: {Step}")]
    public static partial void StepDone(ILogger logger, string eventId, int stepNumber, string locationId, PlanStep step);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Error, Message = "Event {EventId} ({EventType}) for account {AccountId}, GHL location {LocationId}, failed on its last attempt ({DequeueCount}) and goes to the poison queue (traceId {GhlTraceId}).")]
    public static partial void EventGivenUp(ILogger logger, Exception exception, string eventId, string eventType, string accountId, string locationId, long dequeueCount, string? ghlTraceId);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Error, Message = "A queue message could not be read as a queued event ({Problem}); it goes to the poison queue.")]
    public static partial void UnreadableMessage(ILogger logger, string problem);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Error, Message = "Event {EventId} names account {AccountId}, which is not configured; recorded as failed.")]
    public static partial void UnknownAccount(ILogger logger, string eventId, string accountId);

    [LoggerMessage(EventId = 5016, Level = LogLevel.Warning, Message = "The outcome observer {Observer} failed on event {EventId}; processing goes on.")]
    public static partial void ObserverFailed(ILogger logger, Exception exception, string observer, string eventId);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Information, Message = "Event {EventId} waits for {BlockingKey}, held by event {HeldBy}; retried in {DelaySeconds} s.")]
    public static partial void EventWaitsForLease(ILogger logger, string eventId, string blockingKey, string? heldBy, double delaySeconds);

    [LoggerMessage(EventId = 5017, Level = LogLevel.Error, Message = "Event {EventId} for account {AccountId}: {Reason}; recorded as failed, not retried.")]
    public static partial void StorageRefused(ILogger logger, Exception exception, string eventId, string accountId, string reason);

    [LoggerMessage(EventId = 5018, Level = LogLevel.Error, Message = "Event {EventId} for account {AccountId}: the claim-check blob of the queued event is gone; recorded as failed.")]
    public static partial void PayloadMissing(ILogger logger, string eventId, string accountId);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Warning, Message = "Event {EventId} is finished but its claim-check blob could not be deleted; the storage lifecycle rule removes it later.")]
    public static partial void PayloadNotDeleted(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(EventId = 5019, Level = LogLevel.Error, Message = "Event {EventId}: recording its failed attempt in the ledger failed too; the row stays as it was.")]
    public static partial void FailedAttemptNotRecorded(ILogger logger, Exception exception, string eventId);
}
