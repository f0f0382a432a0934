using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// The GHL door's answer to one delivery. Successes (always 200: GHL treats any 2xx alike) are
/// <c>{"status":"accepted"|"duplicate"|"ignored"|"acknowledged","webhookId":…}</c>; refusals are problem+json
/// like the Roezan door's (<c>type</c> <c>urn:roezan-ghl:problem:…</c>, <c>title</c>, <c>status</c>, <c>detail</c>,
/// <c>errors</c> by JSON pointer). Nothing in it quotes the body.
/// </summary>
public sealed class GhlIngestResult
{
    private GhlIngestResult(GhlIngestOutcome outcome, int statusCode, string code, string title, string? detail, string? webhookId, IReadOnlyList<GhlFieldError>? errors = null, TimeSpan? retryAfter = null)
    {
        Outcome = outcome;
        StatusCode = statusCode;
        Code = code;
        Title = title;
        Detail = detail;
        WebhookId = webhookId;
        Errors = errors ?? [];
        RetryAfter = retryAfter;
    }

    public GhlIngestOutcome Outcome { get; }

    public int StatusCode { get; }

    /// <summary>The success status word, or the problem type's last segment (<c>signature-mismatch</c>, <c>unavailable</c>).</summary>
    public string Code { get; }

    public string Title { get; }

    public string? Detail { get; }

    public string? WebhookId { get; }

    public IReadOnlyList<GhlFieldError> Errors { get; }

    public TimeSpan? RetryAfter { get; }

    public bool IsSuccess => StatusCode == 200;

    public string ContentType => IsSuccess ? "application/json; charset=utf-8" : "application/problem+json; charset=utf-8";

    /// <summary>Whole seconds for the Retry-After header, or null.</summary>
    public string? RetryAfterHeader => RetryAfter is { } delay
        ? Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
        : null;

    public static GhlIngestResult Accepted(string webhookId) => new(GhlIngestOutcome.Accepted, 200, "accepted", "Accepted", null, webhookId);

    public static GhlIngestResult Duplicate(string webhookId) => new(GhlIngestOutcome.Duplicate, 200, "duplicate", "Duplicate", null, webhookId);

    public static GhlIngestResult UnknownLocation(string? webhookId) => new(GhlIngestOutcome.UnknownLocation, 200, "ignored", "Ignored", null, webhookId);

    public static GhlIngestResult NotApplied(string? webhookId) => new(GhlIngestOutcome.NotApplied, 200, "acknowledged", "Acknowledged", null, webhookId);

    public static GhlIngestResult UnsupportedMediaType(string? contentType) =>
        new(GhlIngestOutcome.UnsupportedMediaType, 415, "unsupported-media-type", "Unsupported media type", contentType is null
            ? "The request has no Content-Type; send application/json (UTF-8)."
            : "The Content-Type is not accepted; send application/json (UTF-8).", null);

    public static GhlIngestResult PayloadTooLarge(int limitBytes) =>
        new(GhlIngestOutcome.PayloadTooLarge, 413, "payload-too-large", "Payload too large", $"The body is larger than {limitBytes} bytes.", null);

    public static GhlIngestResult Rejected(GhlWebhookRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return new(GhlIngestOutcome.Rejected, rejection.StatusCode, rejection.Code, rejection.Title, rejection.Detail, rejection.WebhookId, rejection.Errors);
    }

    /// <summary>429: GHL redelivers only after a 429 (up to 6 times, about 10 minutes apart), whatever the Retry-After says.</summary>
    public static GhlIngestResult Unavailable(string detail, string? webhookId, TimeSpan retryAfter) =>
        new(GhlIngestOutcome.Unavailable, 429, "unavailable", "Try again later", detail, webhookId, retryAfter: retryAfter);

    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (IsSuccess)
            {
                writer.WriteString("status", Code);
                WriteWebhookId(writer);
            }
            else
            {
                writer.WriteString("type", RoezanIngestResult.ProblemTypePrefix + Code);
                writer.WriteString("title", Title);
                writer.WriteNumber("status", StatusCode);
                if (Detail is not null)
                {
                    writer.WriteString("detail", Detail);
                }

                WriteWebhookId(writer);
                WriteErrors(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private void WriteWebhookId(Utf8JsonWriter writer)
    {
        if (WebhookId is not null)
        {
            writer.WriteString("webhookId", WebhookId);
        }
    }

    private void WriteErrors(Utf8JsonWriter writer)
    {
        if (Errors.Count == 0)
        {
            return;
        }

        writer.WriteStartObject("errors");
        foreach (var group in Errors.GroupBy(error => error.Field.Length == 0 ? "body" : error.Field, StringComparer.Ordinal))
        {
            writer.WriteStartArray(group.Key);
            foreach (var error in group)
            {
                writer.WriteStringValue(error.Message);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
