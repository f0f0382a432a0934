namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// Why the GHL door refuses one delivery: a kind (its HTTP status), a stable <see cref="Code"/> for the
/// problem type and for metrics, a title and detail for problem+json, and the fields at fault. No member
/// quotes the body, so a rejection can be answered and logged as it is.
/// </summary>
public sealed class GhlWebhookRejection
{
    private GhlWebhookRejection(GhlRejectionKind kind, string code, string title, string detail, IReadOnlyList<GhlFieldError> errors, string? webhookId)
    {
        Kind = kind;
        Code = code;
        Title = title;
        Detail = detail;
        Errors = errors;
        WebhookId = webhookId;
    }

    public GhlRejectionKind Kind { get; }

    /// <summary>
    /// <c>signature-missing</c>, <c>signature-malformed</c>, <c>signature-mismatch</c>,
    /// <c>legacy-signature-not-allowed</c>, <c>timestamp-too-old</c>, <c>timestamp-in-the-future</c>,
    /// <c>malformed-json</c> or <c>invalid-event</c>.
    /// </summary>
    public string Code { get; }

    public string Title { get; }

    public string Detail { get; }

    /// <summary>Every field at fault, for <see cref="GhlRejectionKind.Invalid"/> and <see cref="GhlRejectionKind.MalformedJson"/> (the empty pointer).</summary>
    public IReadOnlyList<GhlFieldError> Errors { get; }

    /// <summary>The delivery's webhook id when it was read and well-formed, for the log line.</summary>
    public string? WebhookId { get; }

    public int StatusCode => Kind == GhlRejectionKind.Unauthorized ? 401 : 400;

    public static GhlWebhookRejection Signature(GhlSignatureCheck check) => check switch
    {
        GhlSignatureCheck.Missing => Unauthorized("signature-missing", "Neither X-GHL-Signature nor X-WH-Signature is present."),
        GhlSignatureCheck.Malformed => Unauthorized("signature-malformed", "The signature header is not the base64 of a signature."),
        GhlSignatureCheck.LegacyNotAllowed => Unauthorized("legacy-signature-not-allowed", "Only the legacy X-WH-Signature was sent and GhlWebhook:AllowLegacyRsa is off; X-GHL-Signature is required."),
        GhlSignatureCheck.Mismatch => Unauthorized("signature-mismatch", "No configured GHL public key verifies the signature over this body."),
        _ => throw new ArgumentOutOfRangeException(nameof(check), check, "A valid signature is not a rejection."),
    };

    public static GhlWebhookRejection Timestamp(GhlTimestampCheck check, TimeSpan tolerance, string? webhookId) => check switch
    {
        GhlTimestampCheck.TooOld => new(GhlRejectionKind.Unauthorized, "timestamp-too-old", "Stale delivery",
            $"The body's timestamp is more than {Minutes(tolerance)} minutes old.", [], webhookId),
        GhlTimestampCheck.InTheFuture => new(GhlRejectionKind.Unauthorized, "timestamp-in-the-future", "Delivery from the future",
            $"The body's timestamp is more than {Minutes(tolerance)} minutes ahead of our clock.", [], webhookId),
        GhlTimestampCheck.Missing => Invalid([new GhlFieldError("/timestamp", GhlWebhookValidator.Required)], webhookId),
        _ => throw new ArgumentOutOfRangeException(nameof(check), check, "A fresh timestamp is not a rejection."),
    };

    public static GhlWebhookRejection MalformedJson(string detail) =>
        new(GhlRejectionKind.MalformedJson, "malformed-json", "Malformed JSON", detail, [new GhlFieldError(string.Empty, detail)], null);

    public static GhlWebhookRejection Invalid(IReadOnlyList<GhlFieldError> errors, string? webhookId)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var pointers = string.Join(", ", errors.Select(e => e.Field.Length == 0 ? "(body)" : e.Field).Distinct(StringComparer.Ordinal));
        return new(GhlRejectionKind.Invalid, "invalid-event", "Invalid event", $"The body breaks the GHL webhook contract: {pointers}.", errors, webhookId);
    }

    public override string ToString() => $"{StatusCode} {Code}{(WebhookId is null ? string.Empty : " " + WebhookId)}";

    private static GhlWebhookRejection Unauthorized(string code, string detail) =>
        new(GhlRejectionKind.Unauthorized, code, "Invalid signature", detail, [], null);

    private static string Minutes(TimeSpan tolerance) =>
        tolerance.TotalMinutes.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
