using Microsoft.Extensions.Logging;
using RoezanGhl.Storage.Reconciliation;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>The reconciler's structured logs: location, account, contact and event ids as fields; no personal values.</summary>
internal static partial class ReconcileLog
{
    [LoggerMessage(EventId = 7001, EventName = "ReconcileRunSummary", Level = LogLevel.Information,
        Message = "Reconcile run {RunId} of GHL location {LocationId}: {Outcome} (dry run {DryRun}); re-driven {ReDriven}, repaired {Repaired}, reported {Reported}, GHL changes fed {GhlChangesFed}, deleted {Deleted}, recreated {Recreated}, messages fed {MessagesFed}, tokens refreshed {TokensRefreshed}, failures left {PermanentFailures}, GHL calls {CallsSpent}, Roezan calls {RoezanCallsSpent}, {DurationMs} ms. {Reason}")]
    public static partial void RunSummary(ILogger logger, string locationId, string runId, ReconcileRunOutcome outcome, bool dryRun, int reDriven, int repaired, int reported, int ghlChangesFed, int deleted, int recreated, int messagesFed, int tokensRefreshed, int permanentFailures, int callsSpent, int roezanCallsSpent, long durationMs, string? reason);

    [LoggerMessage(EventId = 7002, EventName = "ReconcileLeaseHeld", Level = LogLevel.Information,
        Message = "Reconcile run {RunId} of GHL location {LocationId} backs off: another run holds the location's lease")]
    public static partial void LeaseHeld(ILogger logger, string locationId, string runId);

    [LoggerMessage(EventId = 7003, EventName = "ReconcileRunFailed", Level = LogLevel.Error,
        Message = "Reconcile run {RunId} of GHL location {LocationId} failed; its cursors keep what was done, the next run goes on from there")]
    public static partial void RunFailed(ILogger logger, Exception exception, string locationId, string runId);

    [LoggerMessage(EventId = 7004, EventName = "ReconcileLeaseLost", Level = LogLevel.Warning,
        Message = "The reconcile lease of GHL location {LocationId} could not be renewed; the run stops")]
    public static partial void LeaseLost(ILogger logger, string locationId, Exception exception);

    [LoggerMessage(EventId = 7005, EventName = "ReconcileLeaseReleaseFailed", Level = LogLevel.Warning,
        Message = "The reconcile lease of GHL location {LocationId} could not be released; it lapses by itself")]
    public static partial void LeaseReleaseFailed(ILogger logger, string locationId, Exception exception);

    [LoggerMessage(EventId = 7006, EventName = "ReconcileSummaryWriteFailed", Level = LogLevel.Warning,
        Message = "The summary of reconcile run {RunId} of GHL location {LocationId} could not be written to the ledger")]
    public static partial void SummaryWriteFailed(ILogger logger, Exception exception, string locationId, string runId);

    [LoggerMessage(EventId = 7010, EventName = "ReconcileTokenDue", Level = LogLevel.Information,
        Message = "The OAuth token of GHL location {LocationId} expires at {ExpiresAt} and would be refreshed")]
    public static partial void TokenDue(ILogger logger, string locationId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 7011, EventName = "ReconcileTokenRefreshed", Level = LogLevel.Information,
        Message = "Refreshed the OAuth token of idle GHL location {LocationId} ahead of expiry; the new one expires at {ExpiresAt}")]
    public static partial void TokenRefreshed(ILogger logger, string locationId, DateTimeOffset? expiresAt);

    [LoggerMessage(EventId = 7012, EventName = "ReconcileTokenNeedsAttention", Level = LogLevel.Error,
        Message = "The OAuth token of GHL location {LocationId} could not be refreshed and needs a person: {Reason}")]
    public static partial void TokenNeedsAttention(ILogger logger, string locationId, string reason);

    [LoggerMessage(EventId = 7013, EventName = "ReconcileTokenRefreshFailed", Level = LogLevel.Warning,
        Message = "Refreshing the OAuth token of GHL location {LocationId} ahead of expiry failed; it is tried again later")]
    public static partial void TokenRefreshFailed(ILogger logger, string locationId, Exception exception);

    [LoggerMessage(EventId = 7020, EventName = "ReconcileReDriven", Level = LogLevel.Information,
        Message = "Event {EventId} of account {AccountId} moved from the poison queue back to the events queue by {Actor} (after {Attempts} attempt(s))")]
    public static partial void ReDriven(ILogger logger, string eventId, string accountId, int attempts, string actor);

    [LoggerMessage(EventId = 7022, EventName = "ReconcileReDriveGivenUp", Level = LogLevel.Error,
        Message = "Event {EventId} of account {AccountId} failed after {ReDrives} re-drive(s) from the poison queue; recorded as failed and left there for a person")]
    public static partial void ReDriveGivenUp(ILogger logger, string eventId, string accountId, int reDrives);

    [LoggerMessage(EventId = 7021, EventName = "ReconcilePoisonShowAgainFailed", Level = LogLevel.Warning,
        Message = "Poison message {MessageId} could not be made visible again; it reappears when its visibility timeout ends")]
    public static partial void PoisonShowAgainFailed(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(EventId = 7030, EventName = "ReconcileMissedMessageFed", Level = LogLevel.Information,
        Message = "Missed inbound message {EventId} of account {AccountId} found in Roezan and queued for GHL location {LocationId}")]
    public static partial void MissedMessageFed(ILogger logger, string eventId, string accountId, string locationId);

    [LoggerMessage(EventId = 7031, EventName = "ReconcileMissedMessageUnusable", Level = LogLevel.Warning,
        Message = "Roezan message {MessageId} of account {AccountId} cannot be made into an event (bad {Fields}); skipped")]
    public static partial void MissedMessageUnusable(ILogger logger, string messageId, string accountId, string fields);

    [LoggerMessage(EventId = 7032, EventName = "ReconcileRoezanPollStopped", Level = LogLevel.Warning,
        Message = "Polling Roezan for missed messages of account {AccountId} (GHL location {LocationId}) stopped: {Problem}")]
    public static partial void RoezanPollStopped(ILogger logger, string locationId, string accountId, string problem);

    [LoggerMessage(EventId = 7040, EventName = "ReconcileDriftReported", Level = LogLevel.Warning,
        Message = "GHL contact {GhlContactId} of location {LocationId} drifted from its last Roezan state ({Members}); reported, not repaired")]
    public static partial void DriftReported(ILogger logger, string locationId, string ghlContactId, string members);

    [LoggerMessage(EventId = 7041, EventName = "ReconcileDriftRepaired", Level = LogLevel.Information,
        Message = "GHL contact {GhlContactId} of location {LocationId} drifted from its last Roezan state ({Members}); repaired")]
    public static partial void DriftRepaired(ILogger logger, string locationId, string ghlContactId, string members);

    [LoggerMessage(EventId = 7042, EventName = "ReconcileDriftContactBusy", Level = LogLevel.Information,
        Message = "GHL contact {GhlContactId} of location {LocationId} is being written by {HeldBy}; reported, checked again next pass")]
    public static partial void DriftContactBusy(ILogger logger, string locationId, string ghlContactId, string? heldBy);

    [LoggerMessage(EventId = 7043, EventName = "ReconcileDriftRepairRefused", Level = LogLevel.Warning,
        Message = "GHL refused to repair contact {GhlContactId} of location {LocationId} (traceId {GhlTraceId}): {Problem}")]
    public static partial void DriftRepairRefused(ILogger logger, string locationId, string ghlContactId, string? ghlTraceId, string problem);

    [LoggerMessage(EventId = 7044, EventName = "ReconcileContactDeleted", Level = LogLevel.Warning,
        Message = "Linked GHL contact {GhlContactId} of location {LocationId} was deleted in GHL; reported")]
    public static partial void DeletedReported(ILogger logger, string locationId, string ghlContactId);

    [LoggerMessage(EventId = 7045, EventName = "ReconcileContactRecreated", Level = LogLevel.Warning,
        Message = "Linked GHL contact {GhlContactId} of location {LocationId} was deleted in GHL; created again as {NewGhlContactId} from its last Roezan state")]
    public static partial void DeletedRecreated(ILogger logger, string locationId, string ghlContactId, string newGhlContactId);

    [LoggerMessage(EventId = 7050, EventName = "ReconcileRetentionPruned", Level = LogLevel.Information,
        Message = "Reconcile run of GHL location {LocationId} pruned {Rows} final ledger row(s) last changed before {Cutoff} and {Blobs} state blob(s); more left for the next run: {More}")]
    public static partial void RetentionPruned(ILogger logger, string locationId, int rows, int blobs, DateTimeOffset cutoff, bool more);
}
