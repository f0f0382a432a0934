using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Engine.Telemetry;

namespace RoezanGhl.Engine.Intake;

/// <summary>
/// The GHL webhook door, in the Roezan door's order: content type (415) → size (413) → <see cref="GhlWebhookIntake"/>
/// (signature 401 → JSON 400 → contract 400 → timestamp 401) → a type the sync does not apply (200, counted) → a
/// location no account maps to (200 ignored, logged once per location) → <see cref="RoezanEventAcceptor"/>: the ledger
/// claims <c>ghl:{webhookId}</c> (a repeat is 200 duplicate, nothing queued), the change goes on the events queue as
/// GHL → Roezan, and the claim is marked Queued.
/// </summary>
/// <remarks>
/// GHL redelivers only after a 429; any other non-2xx is final. So every "not now" answer is 429 with Retry-After:
/// storage down, a claim held by another delivery, and also an unexpected bug. A bug answered 500 would lose the
/// change until reconciliation finds it; answered 429, GHL tries up to six more times about ten minutes apart,
/// which heals a transient bug (a race, a dependency's odd answer) and costs a deterministic one six cheap calls.
/// The bug is still logged as an error and counted (outcome <c>unavailable</c>), so it is not hidden. The door
/// needs no secret (the public keys come from configuration), so the secret store cannot take it down.
/// </remarks>
public sealed class GhlWebhookIngestor
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(60);

    private readonly GhlWebhookIntake _intake;
    private readonly IOptionsMonitor<RoezanOptions> _accounts;
    private readonly IOptionsMonitor<RoezanWebhookOptions> _options;
    private readonly RoezanEventAcceptor _acceptor;
    private readonly GhlWebhookServices _services;

    public GhlWebhookIngestor(
        GhlWebhookIntake intake,
        IOptionsMonitor<RoezanOptions> accounts,
        IOptionsMonitor<RoezanWebhookOptions> options,
        RoezanEventAcceptor acceptor,
        GhlWebhookServices services)
    {
        _intake = intake ?? throw new ArgumentNullException(nameof(intake));
        _accounts = accounts ?? throw new ArgumentNullException(nameof(accounts));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _acceptor = acceptor ?? throw new ArgumentNullException(nameof(acceptor));
        _services = services ?? throw new ArgumentNullException(nameof(services));
    }

    public async Task<GhlIngestResult> IngestAsync(GhlWebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = GhlEventTracing.StartWebhook();
        string? type = null;
        string? webhookId = null;
        GhlIngestResult result;
        try
        {
            (result, type, webhookId) = await AnswerAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            GhlWebhookLog.Bug(_services.Logger, exception, webhookId);
            result = GhlIngestResult.Unavailable("The delivery could not be taken right now; it will be taken when GHL sends it again.", webhookId, RetryAfter);
        }

        _services.Meter.Count(result, type);
        GhlEventTracing.Answered(activity, result, type);
        return result;
    }

    private async Task<(GhlIngestResult Result, string? Type, string? WebhookId)> AnswerAsync(GhlWebhookRequest request, CancellationToken cancellationToken)
    {
        if (!JsonMediaType.IsAcceptable(request.ContentType))
        {
            return (Rejected(GhlIngestResult.UnsupportedMediaType(request.ContentType)), null, null);
        }

        var limit = _intake.MaxBodyBytes;
        if (request.ContentLength > limit)
        {
            return (Rejected(GhlIngestResult.PayloadTooLarge(limit)), null, null);
        }

        using var body = await BoundedBody.ReadAsync(request.Body, request.ContentLength, limit, cancellationToken).ConfigureAwait(false);
        if (body.TooLarge)
        {
            return (Rejected(GhlIngestResult.PayloadTooLarge(limit)), null, null);
        }

        if (!_intake.TryAdmit(request.Signature, request.LegacySignature, body.Span, out var admission, out var rejection))
        {
            return (Rejected(GhlIngestResult.Rejected(rejection)), null, rejection.WebhookId);
        }

        var evt = admission.Event;
        var webhookId = evt.WebhookId!;
        if (QueuedGhlChange.FromWebhook(evt) is not { } change)
        {
            GhlWebhookLog.NotApplied(_services.Logger, webhookId, evt.Type);
            return (GhlIngestResult.NotApplied(webhookId), evt.Type, webhookId);
        }

        var locationId = evt.LocationId!;
        if (AccountOf(locationId) is not { } accountId)
        {
            if (_services.UnknownLocations.FirstTime(locationId))
            {
                GhlWebhookLog.UnknownLocation(_services.Logger, locationId);
            }

            return (GhlIngestResult.UnknownLocation(webhookId), evt.Type, webhookId);
        }

        var queued = GhlQueuedEvents.Envelope(accountId, change, evt.Timestamp!.Value, admission.AdmittedAt);
        var accepted = await _acceptor.AcceptOnceAsync(queued, GhlLedgerIntake.Of(queued), _options.CurrentValue.ClaimTimeout, "ghl-webhook", cancellationToken).ConfigureAwait(false);
        return (Translate(accepted, webhookId, locationId, accountId, evt.Type), evt.Type, webhookId);
    }

    /// <summary>The Roezan door's acceptance in GHL's terms: 200 for accepted and duplicate, 429 for anything to retry.</summary>
    private GhlIngestResult Translate(RoezanIngestResult accepted, string webhookId, string locationId, string accountId, string? type)
    {
        switch (accepted.Outcome)
        {
            case RoezanIngestOutcome.Accepted:
                GhlWebhookLog.Accepted(_services.Logger, webhookId, type, locationId, accepted.EventId!, accountId);
                return GhlIngestResult.Accepted(webhookId);
            case RoezanIngestOutcome.Duplicate:
                GhlWebhookLog.Duplicate(_services.Logger, webhookId);
                return GhlIngestResult.Duplicate(webhookId);
            default:
                GhlWebhookLog.Unavailable(_services.Logger, webhookId, accepted.Outcome.ToString());
                return GhlIngestResult.Unavailable(accepted.Detail ?? "Try again later.", webhookId, accepted.RetryAfter is { } wait && wait > RetryAfter ? wait : RetryAfter);
        }
    }

    /// <summary>The configured account whose GHL location this is (the first in configuration order when several share it).</summary>
    private string? AccountOf(string locationId)
    {
        foreach (var (id, account) in _accounts.CurrentValue.Accounts)
        {
            if (account is not null && string.Equals(account.GhlLocationId, locationId, StringComparison.Ordinal))
            {
                return id;
            }
        }

        return null;
    }

    private GhlIngestResult Rejected(GhlIngestResult result)
    {
        GhlWebhookLog.Rejected(_services.Logger, result.StatusCode, result.Code, result.WebhookId);
        return result;
    }
}
