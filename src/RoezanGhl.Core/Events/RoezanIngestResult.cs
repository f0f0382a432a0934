using System.Buffers;
using System.Text;
using System.Text.Json;

namespace RoezanGhl.Core.Events;

/// <summary>
/// The answer to one webhook delivery: an outcome, its HTTP status and the JSON body. Successes are
/// <c>{"status":"accepted"|"duplicate","eventId":…}</c>; everything else is RFC 9457 problem+json with
/// <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>, and <c>errors</c> (field → messages) and
/// <c>eventId</c> when known.
/// </summary>
public sealed class RoezanIngestResult
{
    public const string ProblemTypePrefix = "urn:roezan-ghl:problem:";

    private RoezanIngestResult(
        RoezanIngestOutcome outcome,
        string title,
        string? detail,
        string? eventId = null,
        IReadOnlyDictionary<string, string[]>? errors = null,
        TimeSpan? retryAfter = null)
    {
        Outcome = outcome;
        Title = title;
        Detail = detail;
        EventId = eventId;
        Errors = errors;
        RetryAfter = retryAfter;
    }

    public RoezanIngestOutcome Outcome { get; }

    public string Title { get; }

    public string? Detail { get; }

    public string? EventId { get; }

    /// <summary>Field path → messages, for <see cref="RoezanIngestOutcome.Invalid"/> and <see cref="RoezanIngestOutcome.MalformedJson"/>.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; }

    /// <summary>For 503 answers: when a retry can succeed (sent as the Retry-After header, whole seconds).</summary>
    public TimeSpan? RetryAfter { get; }

    public bool IsSuccess => Outcome is RoezanIngestOutcome.Accepted or RoezanIngestOutcome.Duplicate;

    public int StatusCode => Outcome switch
    {
        RoezanIngestOutcome.Accepted => 202,
        RoezanIngestOutcome.Duplicate => 200,
        RoezanIngestOutcome.UnknownAccount => 404,
        RoezanIngestOutcome.UnsupportedMediaType => 415,
        RoezanIngestOutcome.PayloadTooLarge => 413,
        RoezanIngestOutcome.Unauthorized => 401,
        RoezanIngestOutcome.MalformedJson or RoezanIngestOutcome.Invalid => 400,
        RoezanIngestOutcome.InFlight or RoezanIngestOutcome.Unavailable => 503,
        _ => 500,
    };

    /// <summary>The problem <c>type</c>: a URN per outcome, documented in docs/webhook.md.</summary>
    public string ProblemType => ProblemTypePrefix + Outcome switch
    {
        RoezanIngestOutcome.UnknownAccount => "unknown-account",
        RoezanIngestOutcome.UnsupportedMediaType => "unsupported-media-type",
        RoezanIngestOutcome.PayloadTooLarge => "payload-too-large",
        RoezanIngestOutcome.Unauthorized => "invalid-signature",
        RoezanIngestOutcome.MalformedJson => "malformed-json",
        RoezanIngestOutcome.Invalid => "invalid-event",
        RoezanIngestOutcome.InFlight => "in-flight",
        RoezanIngestOutcome.Unavailable => "unavailable",
        _ => "none",
    };

    public string ContentType => IsSuccess ? "application/json; charset=utf-8" : "application/problem+json; charset=utf-8";

    /// <summary>Whole seconds for the Retry-After header, or null.</summary>
    public string? RetryAfterHeader => RetryAfter is { } delay
        ? Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : null;

    public static RoezanIngestResult Accepted(string eventId) =>
        new(RoezanIngestOutcome.Accepted, "Accepted", null, eventId);

    public static RoezanIngestResult Duplicate(string eventId) =>
        new(RoezanIngestOutcome.Duplicate, "Duplicate", null, eventId);

    public static RoezanIngestResult InFlight(string eventId, TimeSpan retryAfter) =>
        new(RoezanIngestOutcome.InFlight, "Event is being accepted", $"Another delivery of event '{eventId}' is being accepted right now; retry after the Retry-After delay.", eventId, retryAfter: retryAfter);

    public static RoezanIngestResult UnknownAccount(string accountId) =>
        new(RoezanIngestOutcome.UnknownAccount, "Unknown account", $"No Roezan account '{accountId}' is configured (setting Roezan:Accounts:{accountId}).");

    public static RoezanIngestResult UnsupportedMediaType(string? contentType) =>
        new(RoezanIngestOutcome.UnsupportedMediaType, "Unsupported media type", contentType is null
            ? "The request has no Content-Type; send application/json (UTF-8)."
            : $"Content-Type '{contentType}' is not accepted; send application/json (UTF-8).");

    public static RoezanIngestResult PayloadTooLarge(int limitBytes) =>
        new(RoezanIngestOutcome.PayloadTooLarge, "Payload too large", $"The body is larger than {limitBytes} bytes.");

    public static RoezanIngestResult Unauthorized(RoezanSignatureCheck check, TimeSpan tolerance) =>
        new(RoezanIngestOutcome.Unauthorized, "Invalid signature", check switch
        {
            RoezanSignatureCheck.Missing => "The X-Roezan-Signature header is missing.",
            RoezanSignatureCheck.Malformed => "The X-Roezan-Signature header is not of the form t=<unix seconds>,v1=<64 hex digits>[,v1=…].",
            RoezanSignatureCheck.TooOld => $"The signature timestamp is more than {tolerance.TotalMinutes:0.#} minutes old.",
            RoezanSignatureCheck.InTheFuture => $"The signature timestamp is more than {tolerance.TotalMinutes:0.#} minutes in the future.",
            RoezanSignatureCheck.NoSecret => "No webhook secret is configured for this account, so no delivery can be verified.",
            _ => "No v1 signature matches the body with this account's webhook secret.",
        });

    public static RoezanIngestResult MalformedJson(string detail) =>
        new(RoezanIngestOutcome.MalformedJson, "Malformed JSON", detail, errors: new Dictionary<string, string[]> { ["body"] = [detail] });

    public static RoezanIngestResult Invalid(IReadOnlyList<RoezanFieldError> errors, string? eventId)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var grouped = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            if (!grouped.TryGetValue(error.Field, out var messages))
            {
                grouped[error.Field] = messages = [];
            }

            messages.Add(error.Message);
        }

        var byField = new Dictionary<string, string[]>(grouped.Count, StringComparer.Ordinal);
        foreach (var (field, messages) in grouped)
        {
            byField[field] = [.. messages];
        }

        var names = string.Join(", ", byField.Keys);
        return new(RoezanIngestOutcome.Invalid, "Invalid event", $"The event breaks the webhook contract: {names}.", eventId, byField);
    }

    public static RoezanIngestResult Unavailable(string detail, string? eventId, TimeSpan retryAfter) =>
        new(RoezanIngestOutcome.Unavailable, "Service unavailable", detail, eventId, retryAfter: retryAfter);

    /// <summary>The response body, UTF-8 JSON.</summary>
    public byte[] ToJsonBytes()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJson(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public string ToJson() => Encoding.UTF8.GetString(ToJsonBytes());

    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (IsSuccess)
        {
            writer.WriteString("status", Outcome == RoezanIngestOutcome.Accepted ? "accepted" : "duplicate");
            writer.WriteString("eventId", EventId);
            writer.WriteEndObject();
            return;
        }

        writer.WriteString("type", ProblemType);
        writer.WriteString("title", Title);
        writer.WriteNumber("status", StatusCode);
        if (Detail is not null)
        {
            writer.WriteString("detail", Detail);
        }

        if (EventId is not null)
        {
            writer.WriteString("eventId", EventId);
        }

        if (Errors is { Count: > 0 } errors)
        {
            writer.WriteStartObject("errors");
            foreach (var (field, messages) in errors)
            {
                writer.WriteStartArray(field);
                foreach (var message in messages)
                {
                    writer.WriteStringValue(message);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    public override string ToString() => $"{StatusCode} {Outcome}{(EventId is null ? string.Empty : " " + EventId)}";
}
