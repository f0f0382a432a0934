using Microsoft.Extensions.Logging;

namespace RoezanGhl.Roezan;

internal static partial class RoezanApiLog
{
    [LoggerMessage(EventId = 7101, EventName = "RoezanApiCall", Level = LogLevel.Debug,
        Message = "Roezan API {Path} for account {AccountId} answered {StatusCode} (rate limit remaining {Remaining})")]
    public static partial void Call(ILogger logger, string accountId, string path, int statusCode, int? remaining);

    [LoggerMessage(EventId = 7102, EventName = "RoezanApiRateLimitWait", Level = LogLevel.Information,
        Message = "Roezan's rate limit for account {AccountId} is used up; waiting {WaitSeconds} s for its reset")]
    public static partial void WaitingForRateLimit(ILogger logger, string accountId, double waitSeconds);
}
