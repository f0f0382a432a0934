using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// The pure part of the GHL webhook door, in a fixed order: signature over the raw bytes (401) → JSON (400)
/// → contract (400) → timestamp within the tolerance (401). Nothing before the signature reads the body, so
/// an unsigned body is never parsed. No I/O; the clock is the injected <see cref="TimeProvider"/>. Content
/// type (415) and size (413, <see cref="MaxBodyBytes"/>) come before it, dedupe and queueing after it, in the door.
/// </summary>
public sealed class GhlWebhookIntake
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _tolerance;

    public GhlWebhookIntake(IOptions<GhlWebhookOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        var settings = options.Value;
        Verifier = GhlSignatureVerifier.FromOptions(settings);
        _tolerance = settings.TimestampTolerance;
        MaxBodyBytes = settings.MaxBodyBytes;
    }

    public GhlSignatureVerifier Verifier { get; }

    /// <summary>The body limit the door enforces before calling in (<c>GhlWebhook:MaxBodyBytes</c>).</summary>
    public int MaxBodyBytes { get; }

    /// <summary>A body POSTed to the webhook door; <c>webhookId</c> and <c>timestamp</c> are required.</summary>
    public bool TryAdmit(
        string? signature,
        string? legacySignature,
        ReadOnlySpan<byte> body,
        [NotNullWhen(true)] out GhlWebhookAdmission? admission,
        [NotNullWhen(false)] out GhlWebhookRejection? rejection)
    {
        admission = null;
        var verdict = Verifier.Verify(signature, legacySignature, body);
        if (!verdict.IsValid)
        {
            rejection = GhlWebhookRejection.Signature(verdict.Check);
            return false;
        }

        if (!GhlWebhookParser.TryParse(body, out var evt, out rejection))
        {
            return false;
        }

        return TryFinish(evt, verdict, out admission, out rejection);
    }

    /// <summary>
    /// A body POSTed to the conversation provider's Delivery URL. Its documented payload has no
    /// <c>timestamp</c>: when it has one it must be fresh, when it has none the message id dedupe is the guard.
    /// </summary>
    public bool TryAdmitProviderMessage(
        string? signature,
        string? legacySignature,
        ReadOnlySpan<byte> body,
        [NotNullWhen(true)] out GhlWebhookAdmission? admission,
        [NotNullWhen(false)] out GhlWebhookRejection? rejection)
    {
        admission = null;
        var verdict = Verifier.Verify(signature, legacySignature, body);
        if (!verdict.IsValid)
        {
            rejection = GhlWebhookRejection.Signature(verdict.Check);
            return false;
        }

        if (!GhlWebhookParser.TryParseProviderOutboundMessage(body, out var message, out rejection))
        {
            return false;
        }

        return TryFinish(message, verdict, out admission, out rejection);
    }

    private bool TryFinish(
        GhlWebhookEvent evt,
        GhlSignatureVerdict verdict,
        [NotNullWhen(true)] out GhlWebhookAdmission? admission,
        [NotNullWhen(false)] out GhlWebhookRejection? rejection)
    {
        admission = null;
        var errors = GhlWebhookValidator.Validate(evt);
        if (errors.Count > 0)
        {
            rejection = GhlWebhookRejection.Invalid(errors, WellFormedWebhookId(evt, errors));
            return false;
        }

        var now = _time.GetUtcNow();
        var freshness = GhlWebhookFreshness.Check(evt.Timestamp, now, _tolerance);
        if (freshness is GhlTimestampCheck.TooOld or GhlTimestampCheck.InTheFuture)
        {
            rejection = GhlWebhookRejection.Timestamp(freshness, _tolerance, evt.WebhookId);
            return false;
        }

        // Missing passes only here, for a provider message: the validator requires a timestamp of every other body.
        rejection = null;
        admission = new GhlWebhookAdmission(evt, verdict, now);
        return true;
    }

    private static string? WellFormedWebhookId(GhlWebhookEvent evt, IReadOnlyList<GhlFieldError> errors) =>
        string.IsNullOrWhiteSpace(evt.WebhookId) || errors.Any(e => e.Field == "/webhookId") ? null : evt.WebhookId;
}
