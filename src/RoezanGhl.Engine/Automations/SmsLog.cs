using Microsoft.Extensions.Logging;
using RoezanGhl.Storage.Sends;

namespace RoezanGhl.Engine.Automations;

/// <summary>The automations' log lines (5601–5619). Ids, states and reasons only: never a phone or a text.</summary>
internal static partial class SmsLog
{
    [LoggerMessage(EventId = 5601, EventName = "SmsPlanned", Level = LogLevel.Information,
        Message = "Automation {Automation} of account {AccountId} planned text {SendId} for GHL contact {ContactId} at {SendAt:o} ({Segments} segments)")]
    public static partial void Planned(ILogger logger, string automation, string accountId, string sendId, string contactId, DateTimeOffset sendAt, int segments);

    [LoggerMessage(EventId = 5602, EventName = "SmsNotPlanned", Level = LogLevel.Information,
        Message = "Automation {Automation} of account {AccountId} planned nothing for GHL contact {ContactId}: {Reason}")]
    public static partial void NotPlanned(ILogger logger, string automation, string accountId, string contactId, string reason);

    [LoggerMessage(EventId = 5603, EventName = "SmsFinished", Level = LogLevel.Information,
        Message = "Text {SendId} of account {AccountId} is {State}: {Reason}")]
    public static partial void Finished(ILogger logger, string sendId, string accountId, SmsSendState state, string? reason);

    [LoggerMessage(EventId = 5604, EventName = "SmsOutcomeUnknown", Level = LogLevel.Warning,
        Message = "Text {SendId} of account {AccountId}: Roezan's answer was lost and the look-up could not tell whether it went out; it is marked Unknown and will not be sent again ({Reason})")]
    public static partial void OutcomeUnknown(ILogger logger, string sendId, string accountId, string reason);

    [LoggerMessage(EventId = 5605, EventName = "SmsSettledByLookup", Level = LogLevel.Information,
        Message = "Text {SendId} of account {AccountId}: Roezan's answer was lost; the look-up found it {Found}")]
    public static partial void SettledByLookup(ILogger logger, string sendId, string accountId, string found);

    [LoggerMessage(EventId = 5606, EventName = "SmsSweepFailed", Level = LogLevel.Error,
        Message = "The send sweep of account {AccountId} stopped at text {SendId}; the next sweep goes on from there")]
    public static partial void SweepFailed(ILogger logger, Exception exception, string accountId, string sendId);

    [LoggerMessage(EventId = 5607, EventName = "SmsReplanned", Level = LogLevel.Information,
        Message = "Text {SendId} of account {AccountId}: {Action} ({Reason})")]
    public static partial void Replanned(ILogger logger, string sendId, string accountId, Core.Automations.Planning.ReplanAction action, string reason);

    [LoggerMessage(EventId = 5608, EventName = "SmsOptedOutByReply", Level = LogLevel.Information,
        Message = "GHL contact {ContactId} of account {AccountId} replied with an opt-out word (event {EventId}): GHL's SMS do-not-disturb is on, {Cancelled} planned texts cancelled; in Roezan: {Roezan}")]
    public static partial void OptedOutByReply(ILogger logger, string accountId, string contactId, string eventId, int cancelled, string roezan);
}
