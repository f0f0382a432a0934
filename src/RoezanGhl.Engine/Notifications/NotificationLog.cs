using Microsoft.Extensions.Logging;

namespace RoezanGhl.Engine.Notifications;

internal static partial class NotificationLog
{
    // The webhook URL is itself a secret (anyone holding it can post to the channel): never logged.
    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "The notification webhook refused a message with HTTP {StatusCode}.")]
    public static partial void NotificationRefused(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning, Message = "A notification could not be sent ({ErrorType}); it is dropped, the ledger keeps the failure.")]
    public static partial void NotificationFailed(ILogger logger, string errorType);
}
