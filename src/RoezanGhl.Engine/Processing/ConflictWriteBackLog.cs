using Microsoft.Extensions.Logging;

namespace RoezanGhl.Engine.Processing;

/// <summary>The write-back lines of a settled conflict: field names only, never values.</summary>
internal static partial class ConflictWriteBackLog
{
    [LoggerMessage(EventId = 5412, Level = LogLevel.Information,
        Message = "Event {EventId} for account {AccountId}: the conflict's winner ({Fields}) written back to {Target} (GHL contact {GhlContactId}), so both systems hold it")]
    public static partial void Written(ILogger logger, string eventId, string accountId, string ghlContactId, string target, string fields);

    [LoggerMessage(EventId = 5413, Level = LogLevel.Warning,
        Message = "Event {EventId} for account {AccountId}: the conflict's winner could not be written back to Roezan, the contact has no phone to key it by (GHL contact {GhlContactId})")]
    public static partial void NoPhone(ILogger logger, string eventId, string accountId, string ghlContactId);
}
