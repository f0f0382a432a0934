using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Engine.Telemetry;
using RoezanGhl.Storage.Queueing;

namespace RoezanGhl.Engine.Intake;

/// <summary>
/// The webhook door. Checks in the contract's order — account (404) → content type (415) → size (413) →
/// signature (401) → JSON (400) → contract (400) → normalization (400) — then hands the event to
/// <see cref="RoezanEventAcceptor"/>, which accepts it exactly once: claim its id in the ledger
/// (insert-if-absent), enqueue, mark Queued. Nothing is enqueued for a rejection, and a failed enqueue gives
/// the claim back and answers 503 so that Roezan's retry is not mistaken for a duplicate. Only outages answer 503
/// (<see cref="IntakeOutages"/>); an unexpected exception escapes to the function's middleware, which answers 500
/// with a problem body and logs it.
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
    private readonly RoezanEventAcceptor _acceptor;
    private readonly TimeProvider _time;
    private readonly ILogger<RoezanWebhookIngestor> _logger;

    public RoezanWebhookIngestor(
        IOptionsMonitor<RoezanOptions> accounts,
        IOptionsMonitor<RoezanWebhookOptions> options,
        ISecretStore secrets,
        RoezanEventAcceptor acceptor,
        TimeProvider time,
        ILogger<RoezanWebhookIngestor> logger)
    {
        _accounts = accounts ?? throw new ArgumentNullException(nameof(accounts));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
        _acceptor = acceptor ?? throw new ArgumentNullException(nameof(acceptor));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task<RoezanIngestResult> IngestAsync(string accountId, RoezanWebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(request);
        using var activity = EventTracing.StartWebhook(accountId);
        try
        {
            var result = await CheckAndAcceptAsync(accountId, request, cancellationToken).ConfigureAwait(false);
            EventTracing.Answered(activity, result);
            return result;
        }
        catch (Exception exception)
        {
            EventTracing.Failed(activity, exception);
            throw;
        }
    }

    private async Task<RoezanIngestResult> CheckAndAcceptAsync(string accountId, RoezanWebhookRequest request, CancellationToken cancellationToken)
    {
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
        catch (Exception ex) when (IntakeOutages.IsOutage(ex, cancellationToken))
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
        return await _acceptor.AcceptOnceAsync(queued, options.ClaimTimeout, "webhook", cancellationToken).ConfigureAwait(false);
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
        return _acceptor.AcceptOnceAsync(queued, _options.CurrentValue.ClaimTimeout, claimantKind, cancellationToken);
    }

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
