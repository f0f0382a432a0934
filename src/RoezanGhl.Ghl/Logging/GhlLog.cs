using System.Net;
using Microsoft.Extensions.Logging;
using RoezanGhl.Ghl.Errors;

namespace RoezanGhl.Ghl.Logging;

/// <summary>
/// The client's log events. Fields are the location, the operation (method and path template, never
/// the query, which can hold a phone number or email), status and GHL's traceId. Tokens never appear.
/// </summary>
internal static partial class GhlLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug,
        Message = "GHL {Operation} for location {LocationId} answered {Status} in {ElapsedMs} ms after {Attempts} attempt(s)")]
    public static partial void CallSucceeded(ILogger logger, string operation, string locationId, int status, long elapsedMs, int attempts);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "GHL {Operation} for location {LocationId} failed: {Status} {Kind}, outcome unknown {OutcomeUnknown}, traceId {TraceId}: {GhlMessage}")]
    public static partial void CallFailed(ILogger logger, string operation, string locationId, HttpStatusCode? status, GhlErrorKind kind, bool outcomeUnknown, string? traceId, string ghlMessage);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information,
        Message = "GHL {Operation} for location {LocationId}: retry {Attempt} in {DelayMs} ms after {Outcome}")]
    public static partial void RetryScheduled(ILogger logger, string operation, string locationId, int attempt, long delayMs, string outcome);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning,
        Message = "GHL answered 429 for location {LocationId}: pausing the location for {DelayMs} ms (Retry-After {HasRetryAfter})")]
    public static partial void RateLimitPaused(ILogger logger, string locationId, long delayMs, bool hasRetryAfter);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information,
        Message = "GHL answered 401 for location {LocationId} on {Operation}: repeating once with a fresh token")]
    public static partial void TokenRejected(ILogger logger, string locationId, string operation);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning,
        Message = "GHL circuit for location {LocationId} opened for {BreakMs} ms after repeated failures")]
    public static partial void CircuitOpened(ILogger logger, string locationId, long breakMs);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Warning,
        Message = "GHL answered 401 for location {LocationId} on {Operation} because the token lacks a scope: {GhlMessage}. Not refreshed; add the scope to the Private Integration or the app and install again")]
    public static partial void ScopeMissing(ILogger logger, string locationId, string operation, string ghlMessage);
}
