using Microsoft.Extensions.Logging;

namespace RoezanGhl.Engine.Coalescing;

/// <summary>Logs of coalescing: event ids and counts only, never a contact's values.</summary>
internal static partial class CoalescingLog
{
    [LoggerMessage(EventId = 5651, Level = LogLevel.Information, Message = "Event {EventId} for account {AccountId}, GHL location {LocationId}, carries {Count} other queued change(s) of its contact: {CoalescedIds}.")]
    public static partial void Coalesced(ILogger logger, string eventId, string accountId, string locationId, int count, string coalescedIds);

    [LoggerMessage(EventId = 5652, Level = LogLevel.Information, Message = "Event {AbsorbedId} is final: coalesced into event {EventId}, whose calls applied its values.")]
    public static partial void Absorbed(ILogger logger, string absorbedId, string eventId);

    [LoggerMessage(EventId = 5653, Level = LogLevel.Warning, Message = "Event {EventId} of account {AccountId} was queued but not recorded for coalescing ({Reason}); it is applied on its own.")]
    public static partial void NotIndexed(ILogger logger, Exception? exception, string eventId, string accountId, string reason);

    [LoggerMessage(EventId = 5654, Level = LogLevel.Warning, Message = "Event {AbsorbedId}, coalesced into event {EventId}, could not be recorded as final; its own delivery will apply the same values again (idempotent).")]
    public static partial void AbsorbedNotRecorded(ILogger logger, string absorbedId, string eventId);
}
