using Microsoft.Extensions.Logging;

namespace RoezanGhl.Engine.Processing.GhlToRoezan;

/// <summary>Log lines of GHL → Roezan (5401–5410): ids, kinds and field names only, never values.</summary>
internal static partial class GhlToRoezanLog
{
    [LoggerMessage(EventId = 5401, Level = LogLevel.Information,
        Message = "GHL change {EventId} for account {AccountId} applied to Roezan (GHL contact {GhlContactId}): {Reason}")]
    public static partial void Applied(ILogger logger, string eventId, string accountId, string ghlContactId, string reason);

    [LoggerMessage(EventId = 5402, Level = LogLevel.Information,
        Message = "GHL change {EventId} for account {AccountId} not applied (GHL contact {GhlContactId}): {Reason}")]
    public static partial void Skipped(ILogger logger, string eventId, string accountId, string? ghlContactId, string reason);

    [LoggerMessage(EventId = 5403, Level = LogLevel.Warning,
        Message = "GHL change {EventId} for account {AccountId} conflicts with a Roezan change on {Fields} (GHL contact {GhlContactId}); the ledger entry holds both values")]
    public static partial void Conflict(ILogger logger, string eventId, string accountId, string ghlContactId, string fields);

    [LoggerMessage(EventId = 5404, Level = LogLevel.Warning,
        Message = "GHL contact {GhlContactId} asks not to be texted (SMS do-not-disturb); Roezan contact of account {AccountId} tagged {Tag}, as Roezan's API cannot opt a contact out (event {EventId})")]
    public static partial void OptedOutByTag(ILogger logger, string ghlContactId, string accountId, string tag, string eventId);

    [LoggerMessage(EventId = 5405, Level = LogLevel.Warning,
        Message = "GHL change {EventId} for account {AccountId} moved GHL contact {GhlContactId} to a new phone: written to Roezan under the new number; the Roezan contact under the old number is tagged {Tag} and no longer synced (delete it in Roezan when it is not wanted)")]
    public static partial void PhoneMoved(ILogger logger, string eventId, string accountId, string ghlContactId, string tag);
}
