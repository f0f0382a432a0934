using Microsoft.Extensions.Logging;

namespace RoezanGhl.Engine.Intake;

/// <summary>The GHL door's log lines (2201–2210): webhook ids, types, location and account ids only, never the body.</summary>
internal static partial class GhlWebhookLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Information,
        Message = "GHL webhook {WebhookId} ({Type}) for location {LocationId} accepted as event {EventId} of account {AccountId}")]
    public static partial void Accepted(ILogger logger, string webhookId, string? type, string? locationId, string eventId, string accountId);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information,
        Message = "GHL webhook refused with {StatusCode} {Code} (webhook {WebhookId})")]
    public static partial void Rejected(ILogger logger, int statusCode, string code, string? webhookId);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning,
        Message = "GHL webhooks for location {LocationId} are ignored: no account maps to it (setting Roezan:Accounts:*:GhlLocationId). Logged once per location; turn the webhook off in GHL or map the location.")]
    public static partial void UnknownLocation(ILogger logger, string locationId);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Debug,
        Message = "GHL webhook {WebhookId} of type {Type} acknowledged and not applied")]
    public static partial void NotApplied(ILogger logger, string? webhookId, string? type);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Information,
        Message = "GHL webhook {WebhookId} is a duplicate; nothing queued")]
    public static partial void Duplicate(ILogger logger, string webhookId);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Error,
        Message = "GHL webhook {WebhookId} could not be accepted ({Outcome}); answered 429 so that GHL redelivers it")]
    public static partial void Unavailable(ILogger logger, string webhookId, string outcome);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Error,
        Message = "GHL webhook {WebhookId} hit a bug in the door; answered 429 so that GHL redelivers it")]
    public static partial void Bug(ILogger logger, Exception exception, string? webhookId);
}
