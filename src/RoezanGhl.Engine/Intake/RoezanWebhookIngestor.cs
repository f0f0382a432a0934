using Azure;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Queueing;

namespace RoezanGhl.Engine.Intake;

/// <summary>
/// The webhook door. Checks in the contract's order — account (404) → content type (415) → size (413) →
/// signature (401) → JSON (400) → contract (400) → normalization (400) — then accepts the event exactly
/// once: claim its id in the ledger (insert-if-absent), enqueue, mark Queued. Nothing is enqueued for a
/// rejection, and a failed enqueue gives the claim back and answers 503 so that Roezan's retry is not
/// mistaken for a duplicate. Only outages answer 503; an unexpected exception escapes to the function's
/// middleware, which answers 500 with a problem body and logs it.
/// </summary>
/// <remarks>
/// One edge remains by design: an instance that dies after enqueueing but before marking the row Queued
/// leaves a Received claim; a retry after <see cref="RoezanWebhookOptions.ClaimTimeout"/> takes it over and
/// enqueues a second message. The processor checks the ledger status before applying, so the event still
/// takes effect once.
/// </remarks>
public sealed class RoezanWebhookIngestor
{
    private static readonly TimeSpan StorageRetryAfter = TimeSpan.FromSeconds(30);

    private readonly IOptionsMonitor<RoezanOptions> _accounts;
    private readonly IOptionsMonitor<RoezanWebhookOptions> _options;
    private readonly ISecretStore _secrets;
    private readonly EventLedger _ledger;
    private readonly RoezanEventQueueClient _queue;
    private readonly TimeProvider _time;
    private readonly ILogger<RoezanWebhookIngestor> _logger;

    public RoezanWebhookIngestor(
        IOptionsMonitor<RoezanOptions> accounts,
        IOptionsMonitor<RoezanWebhookOptions> options,
        ISecretStore secrets,
        EventLedger ledger,
        RoezanEventQueueClient queue,
        TimeProvider time,
        ILogger<RoezanWebhookIngestor> logger)
    {
        _accounts = accounts ?? throw new ArgumentNullException(nameof(accounts));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task<RoezanIngestResult> IngestAsync(string accountId, RoezanWebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(request);
        var options = _options.CurrentValue;

        if (!TryFindAccount(accountId, out var account, out var settings))
        {
            return Rejected(accountId, RoezanIngestResult.UnknownAccount(accountId));
        }

        if (!JsonMediaType.IsAcceptable(request.ContentType))
        {
            return Rejected(account, RoezanIngestResult.UnsupportedMediaType(request.ContentType));
        }

        if (request.ContentLength > options.MaxBodyBytes)
        {
            return Rejected(account, RoezanIngestResult.PayloadTooLarge(options.MaxBodyBytes));
        }

        using var body = await BoundedBody.ReadAsync(request.Body, request.ContentLength, options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.TooLarge)
        {
            return Rejected(account, RoezanIngestResult.PayloadTooLarge(options.MaxBodyBytes));
        }

        var secretName = SecretNames.RoezanWebhookSecret(account);
        string? secrets;
        try
        {
            secrets = await _secrets.GetSecretAsync(secretName, bypassCache: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsOutage(ex, cancellationToken))
        {
            RoezanWebhookLog.SecretStoreFailed(_logger, ex, account);
            return RoezanIngestResult.Unavailable("The webhook secret could not be read; retry later.", null, StorageRetryAfter);
        }

        if (!RoezanSignatureVerifier.HasSecret(secrets))
        {
            RoezanWebhookLog.MissingSecret(_logger, account, secretName);
        }

        var now = _time.GetUtcNow();
        if (!RoezanEventIntake.TryAdmit(account, settings.DefaultPhoneRegion, secrets, request.Signature, body.Span, now, options.SignatureTolerance, out var evt, out var rejection))
        {
            return Rejected(account, rejection);
        }

        var queued = new QueuedRoezanEvent { AccountId = account, AcceptedAt = now, Event = evt };
        return await AcceptOnceAsync(queued, options.ClaimTimeout, "webhook", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Accepts an event that did not come through the webhook (the reconciler's poll of Roezan's API) exactly
    /// as a webhook delivery is accepted: the same ledger claim, queue and duplicate answer. The caller has
    /// validated and normalized it (<see cref="RoezanEventValidator"/>, <see cref="RoezanEventNormalizer"/>).
    /// </summary>
    public Task<RoezanIngestResult> AcceptAsync(QueuedRoezanEvent queued, string claimantKind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queued);
        ArgumentException.ThrowIfNullOrWhiteSpace(queued.Event.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(claimantKind);
        return AcceptOnceAsync(queued, _options.CurrentValue.ClaimTimeout, claimantKind, cancellationToken);
    }

    private async Task<RoezanIngestResult> AcceptOnceAsync(QueuedRoezanEvent queued, TimeSpan claimTimeout, string claimantKind, CancellationToken cancellationToken)
    {
        var evt = queued.Event;
        var eventId = evt.Id!;
        var account = queued.AccountId;
        var message = RoezanEventQueueClient.Serialize(queued);

        EventLedgerClaim claim;
        try
        {
            claim = await _ledger.ClaimAsync(account, evt, $"{claimantKind}:{Guid.NewGuid():N}", claimTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsOutage(ex, cancellationToken))
        {
            RoezanWebhookLog.LedgerFailed(_logger, ex, eventId, account);
            return RoezanIngestResult.Unavailable("The event ledger could not be reached; retry later.", eventId, StorageRetryAfter);
        }

        switch (claim.Outcome)
        {
            case EventLedgerClaimOutcome.Duplicate:
                RoezanWebhookLog.Duplicate(_logger, eventId, account, claim.Entry.Status);
                return RoezanIngestResult.Duplicate(eventId);
            case EventLedgerClaimOutcome.InFlight:
                RoezanWebhookLog.InFlight(_logger, eventId, account, claim.RetryAfter.TotalSeconds);
                return RoezanIngestResult.InFlight(eventId, claim.RetryAfter);
        }

        // From here on we hold the claim: finish (or give it back) even if Roezan hangs up, so that no
        // half-done claim makes its retry wait for the timeout.
        string messageId;
        try
        {
            messageId = await _queue.EnqueueAsync(queued, message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsOutage(ex, CancellationToken.None))
        {
            RoezanWebhookLog.EnqueueFailed(_logger, ex, eventId, account);
            await ReleaseAsync(claim, ex, eventId, account).ConfigureAwait(false);
            return RoezanIngestResult.Unavailable("The event could not be queued; retry later.", eventId, StorageRetryAfter);
        }
        catch (Exception ex)
        {
            // A bug, not an outage: give the claim back so that Roezan's retry is not told to wait, then let the
            // function's middleware answer 500 and log the exception.
            await ReleaseAsync(claim, ex, eventId, account).ConfigureAwait(false);
            throw;
        }

        try
        {
            if (!await _ledger.MarkQueuedAsync(claim, CancellationToken.None).ConfigureAwait(false))
            {
                RoezanWebhookLog.MarkQueuedFailed(_logger, null, eventId, account);
            }
        }
        catch (Exception ex) when (IsOutage(ex, CancellationToken.None))
        {
            RoezanWebhookLog.MarkQueuedFailed(_logger, ex, eventId, account);
        }

        RoezanWebhookLog.Accepted(_logger, eventId, evt.Type, account, messageId);
        return RoezanIngestResult.Accepted(eventId);
    }

    private async Task ReleaseAsync(EventLedgerClaim claim, Exception cause, string eventId, string account)
    {
        try
        {
            var reason = cause is RequestFailedException failed
                ? $"enqueue failed: HTTP {failed.Status} {failed.ErrorCode}"
                : $"enqueue failed: {cause.GetType().Name}";
            await _ledger.ReleaseAsync(claim, reason, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsOutage(ex, CancellationToken.None))
        {
            RoezanWebhookLog.ReleaseFailed(_logger, ex, eventId, account);
        }
    }

    /// <summary>
    /// What storage and Key Vault throw when they cannot be reached: a failed response, the SDK's AggregateException
    /// after its retries, a failed sign-in of the managed identity, a transport error, or a timeout (a cancellation
    /// nobody asked for). These answer 503 so that Roezan retries; anything else is a bug and escapes to a 500,
    /// which does not invite endless retries.
    /// </summary>
    private static bool IsOutage(Exception ex, CancellationToken cancellationToken) =>
        ex is RequestFailedException or AggregateException or AuthenticationFailedException or IOException or HttpRequestException or TimeoutException ||
        (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>Account ids are case-insensitive in the URL; the configured spelling is used from here on.</summary>
    private bool TryFindAccount(string routeAccountId, out string accountId, out RoezanAccountOptions settings)
    {
        foreach (var (id, options) in _accounts.CurrentValue.Accounts)
        {
            if (options is not null && string.Equals(id, routeAccountId, StringComparison.OrdinalIgnoreCase))
            {
                accountId = id;
                settings = options;
                return true;
            }
        }

        accountId = routeAccountId;
        settings = null!;
        return false;
    }

    private RoezanIngestResult Rejected(string accountId, RoezanIngestResult result)
    {
        RoezanWebhookLog.Rejected(_logger, accountId, result.Outcome, result.StatusCode, result.EventId, result.Detail);
        return result;
    }
}
