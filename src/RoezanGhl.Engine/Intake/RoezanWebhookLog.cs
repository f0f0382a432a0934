using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Events;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Intake;

internal static partial class RoezanWebhookLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Accepted Roezan event {EventId} ({EventType}) for account {AccountId} as queue message {MessageId}")]
    public static partial void Accepted(ILogger logger, string eventId, string? eventType, string accountId, string messageId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
        Message = "Roezan event {EventId} for account {AccountId} is a duplicate (ledger status {LedgerStatus}); nothing queued")]
    public static partial void Duplicate(ILogger logger, string eventId, string accountId, EventLedgerStatus ledgerStatus);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information,
        Message = "Roezan event {EventId} for account {AccountId} is being accepted by another delivery; asked to retry in {RetryAfterSeconds} s")]
    public static partial void InFlight(ILogger logger, string eventId, string accountId, double retryAfterSeconds);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning,
        Message = "Rejected a Roezan webhook for account {AccountId}: {Outcome} ({StatusCode}), event {EventId}: {Reason}")]
    public static partial void Rejected(ILogger logger, string accountId, RoezanIngestOutcome outcome, int statusCode, string? eventId, string? reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error,
        Message = "No Roezan webhook secret is configured for account {AccountId} (secret name {SecretName}); every delivery is refused with 401")]
    public static partial void MissingSecret(ILogger logger, string accountId, string secretName);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error,
        Message = "The secret store could not be read for account {AccountId}; answered 503 so that Roezan retries")]
    public static partial void SecretStoreFailed(ILogger logger, Exception exception, string accountId);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Error,
        Message = "The event ledger could not be reached for Roezan event {EventId} (account {AccountId}); answered 503 so that Roezan retries")]
    public static partial void LedgerFailed(ILogger logger, Exception exception, string eventId, string accountId);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error,
        Message = "Roezan event {EventId} (account {AccountId}) could not be queued; its ledger claim was released and 503 answered so that Roezan's retry queues it")]
    public static partial void EnqueueFailed(ILogger logger, Exception exception, string eventId, string accountId);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Error,
        Message = "Could not release the ledger claim of Roezan event {EventId} (account {AccountId}); a retry within the claim timeout is told to wait, after it the claim is taken over")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string eventId, string accountId);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning,
        Message = "Roezan event {EventId} (account {AccountId}) is queued but its ledger row could not be marked Queued; the processor's status check keeps it exactly-once")]
    public static partial void MarkQueuedFailed(ILogger logger, Exception? exception, string eventId, string accountId);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Debug,
        Message = "Roezan event {EventId} (account {AccountId}) is queued invisible for {DelaySeconds} s: its GHL location's turn is that far off (Sync:Admission:PaceAtDoor)")]
    public static partial void Paced(ILogger logger, string eventId, string accountId, double delaySeconds);
}
