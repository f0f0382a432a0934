using System.Net;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RoezanGhl.Ghl.Http;
using RoezanGhl.Ghl.RateLimiting;
using RoezanGhl.Ghl.Serialization;

namespace RoezanGhl.Ghl.Errors;

/// <summary>Turns a failed answer or a transport failure into one <see cref="GhlApiException"/>.</summary>
internal static class GhlErrorTranslator
{
    public static GhlApiException FromResponse(HttpResponseMessage response, byte[] body, GhlRequestContext context, TimeProvider timeProvider)
    {
        var parsed = TryParse(body);
        var messages = Messages(parsed, response);
        var status = response.StatusCode;
        var kind = Classify(status, messages);
        var rateLimitDelay = status == HttpStatusCode.TooManyRequests
            ? GhlRateLimitHeaders.Read(response, timeProvider).DelayAfter429(TimeSpan.FromSeconds(10))
            : (TimeSpan?)null;

        // A create answered 5xx/408 may have been applied, and GHL is known to answer 422 to a create
        // it applied ("Create Contact Fails 422 and Still Creates Contact").
        var mayHaveApplied = !context.Operation.Idempotent
            && ((int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.UnprocessableEntity);

        return new GhlApiException(Describe(context, $"{(int)status} {string.Join("; ", messages)}"), kind, status, messages, parsed?.TraceId)
        {
            LocationId = context.LocationId,
            Operation = context.Operation.Display,
            ExistingContactId = parsed?.Meta?.ContactId,
            MatchingField = parsed?.Meta?.MatchingField,
            OutcomeUnknown = mayHaveApplied,
            RetryAfter = rateLimitDelay,
            MissingScope = status == HttpStatusCode.Unauthorized && kind == GhlErrorKind.Permanent,
        };
    }

    /// <summary>Null when <paramref name="exception"/> is not one the client translates (a caller's cancellation, a bug).</summary>
    public static GhlApiException? FromException(Exception exception, GhlRequestContext context, TimeSpan circuitBreakDuration)
    {
        switch (exception)
        {
            case GhlRateLimitRejectedException rejected:
                return new GhlApiException(Describe(context, rejected.Message), GhlErrorKind.RateLimited, innerException: rejected)
                {
                    LocationId = context.LocationId,
                    Operation = context.Operation.Display,
                    RetryAfter = rejected.RetryAfter,
                };
            case BrokenCircuitException broken:
                return new GhlApiException(Describe(context, "the circuit is open after repeated failures; not sent"), GhlErrorKind.Transient, innerException: broken)
                {
                    LocationId = context.LocationId,
                    Operation = context.Operation.Display,
                    RetryAfter = circuitBreakDuration,
                };
            case TimeoutRejectedException or HttpRequestException or TaskCanceledException or IOException:
                var sent = context.AttemptSent && !NeverSent(exception);
                var what = exception is HttpRequestException or IOException ? "the connection failed" : "timed out";
                return new GhlApiException(
                    Describe(context, sent ? $"{what} after the request was sent" : $"{what} before the request was sent"),
                    GhlErrorKind.Transient,
                    innerException: exception)
                {
                    LocationId = context.LocationId,
                    Operation = context.Operation.Display,
                    OutcomeUnknown = sent && !context.Operation.Idempotent,
                };
            default:
                return null;
        }
    }

    /// <summary>True for a transport failure that proves the request never reached GHL.</summary>
    public static bool NeverSent(Exception exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError };

    private static GhlErrorKind Classify(HttpStatusCode status, IReadOnlyList<string> messages) => status switch
    {
        HttpStatusCode.TooManyRequests => GhlErrorKind.RateLimited,
        // A token that lacks a scope fails this operation every time, and only this one: the location stays usable.
        HttpStatusCode.Unauthorized when GhlUnauthorized.Classify(messages) == GhlUnauthorizedReason.MissingScope => GhlErrorKind.Permanent,
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => GhlErrorKind.LocationNeedsAttention,
        HttpStatusCode.BadRequest when messages.Any(m => m.Contains("location is not active", StringComparison.OrdinalIgnoreCase)) => GhlErrorKind.LocationNeedsAttention,
        HttpStatusCode.RequestTimeout => GhlErrorKind.Transient,
        _ when (int)status >= 500 => GhlErrorKind.Transient,
        _ => GhlErrorKind.Permanent,
    };

    private static string Describe(GhlRequestContext context, string what) =>
        $"GHL {context.Operation} for location '{context.LocationId}' failed: {what}";

    private static GhlErrorBody? TryParse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, GhlJsonContext.Default.GhlErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<string> Messages(GhlErrorBody? body, HttpResponseMessage response)
    {
        var messages = new List<string>();
        if (body?.Message is { } message)
        {
            if (message.ValueKind == JsonValueKind.Array)
            {
                messages.AddRange(message.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText()));
            }
            else if (message.ValueKind == JsonValueKind.String)
            {
                messages.Add(message.GetString()!);
            }
        }

        if (messages.Count == 0)
        {
            messages.Add(body?.Error ?? response.ReasonPhrase ?? response.StatusCode.ToString());
        }

        return messages;
    }
}
