using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// The last step of an OAuth install: stores the token set HighLevel gave for a location, but only for a
/// location some Roezan account feeds, and never over a Private Integration token that still works unless
/// <see cref="GhlOAuthOptions.AllowReplacingPrivateIntegrationToken"/> says so. The check and the write happen
/// under the location's refresh lease, so no refresh slips in between. Refusals store nothing and say why. Once
/// HighLevel has answered the code exchange, the store runs to completion without the caller's cancellation (the
/// browser may give up; the tokens must not be lost), bounded by <see cref="GhlOAuthOptions.StoreRetryWindow"/>.
/// </summary>
public sealed partial class GhlOAuthInstallWriter
{
    private const string StartPath = "/api/ghl/oauth/start";

    private readonly GhlLocationTokenStore _store;
    private readonly IOptionsMonitor<RoezanOptions> _accounts;
    private readonly IOptions<GhlOAuthOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GhlOAuthInstallWriter> _logger;

    public GhlOAuthInstallWriter(
        GhlLocationTokenStore store,
        IOptionsMonitor<RoezanOptions> accounts,
        IOptions<GhlOAuthOptions> options,
        TimeProvider time,
        ILogger<GhlOAuthInstallWriter> logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _accounts = accounts ?? throw new ArgumentNullException(nameof(accounts));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Stores the token set of HighLevel's <paramref name="answer"/> to a code exchange (made now), or says why not.
    /// Takes no cancellation token on purpose: see the class remarks.
    /// </summary>
    public async Task<GhlOAuthOutcome> StoreAsync(GhlTokenEndpointResponse answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        GhlOAuthTokenSet set;
        try
        {
            set = answer.ToTokenSet(_time.GetUtcNow());
        }
        catch (InvalidOperationException ex)
        {
            LogIncompleteAnswer(_logger, ex.Message);
            return new GhlOAuthOutcome(502, "HighLevel's answer was incomplete", $"{ex.Message} Start again at {StartPath} and choose one sub-account.");
        }

        using var bound = new CancellationTokenSource(_options.Value.StoreRetryWindow, _time);
        var cancellationToken = bound.Token;
        var location = set.LocationId;
        if (!IsConfigured(location))
        {
            LogLocationNotConfigured(_logger, location);
            return new GhlOAuthOutcome(400, "This sub-account is not set up here",
                $"HighLevel authorized location {location}, but no Roezan account feeds it (setting Roezan:Accounts:<accountId>:GhlLocationId), so nothing was stored. Configure the account, then start again at {StartPath}.");
        }

        try
        {
            var lease = await _store.LockAsync(location, cancellationToken).ConfigureAwait(false);
            await using (lease.ConfigureAwait(false))
            {
                var current = await _store.ReadAsync(location, bypassCache: true, cancellationToken).ConfigureAwait(false);
                if (current.Kind == GhlTokenSecretKind.PrivateIntegration && !await IsRefusedAsync(location, current, cancellationToken).ConfigureAwait(false))
                {
                    if (!_options.Value.AllowReplacingPrivateIntegrationToken)
                    {
                        LogWouldReplace(_logger, location, current.Fingerprint);
                        return new GhlOAuthOutcome(409, "This would replace a working Private Integration token",
                            $"Location {location} uses a Private Integration token (fingerprint {current.Fingerprint}) that has not been refused. Installing would replace it with OAuth tokens, so nothing was stored. To replace it, set GhlOAuth:AllowReplacingPrivateIntegrationToken to true and start again at {StartPath}.");
                    }

                    LogReplacing(_logger, location, current.Fingerprint);
                }

                await _store.WriteAsync(location, set, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // Cancelled too: only by the store's own time bound, so it is a failure to store like any other.
            LogStoreFailed(_logger, location, ex);
            return new GhlOAuthOutcome(500, "The tokens could not be stored", $"HighLevel authorized location {location}, but its tokens could not be saved. Start again at {StartPath}.");
        }

        try
        {
            await _store.Statuses.ClearAsync(location, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The token provider clears the mark itself once it sees the new secret.
            LogStatusClearFailed(_logger, location, ex);
        }

        return new GhlOAuthOutcome(200, "HighLevel connected", $"Location {location} is connected; its events sync from now on. You can close this window.", LocationId: location);
    }

    private bool IsConfigured(string locationId) =>
        _accounts.CurrentValue.Accounts.Values.Any(account => string.Equals(account?.GhlLocationId, locationId, StringComparison.Ordinal));

    /// <summary>A token GHL refused (the location is marked for that very secret) is not working: replacing it is the fix.</summary>
    private async Task<bool> IsRefusedAsync(string locationId, GhlTokenSecret current, CancellationToken cancellationToken) =>
        await _store.Statuses.GetAsync(locationId, cancellationToken).ConfigureAwait(false) is { NeedsAttention: true } status &&
        status.SecretFingerprint == current.Fingerprint;

    [LoggerMessage(EventId = 4034, EventName = "GhlOAuthStoreFailed", Level = LogLevel.Error,
        Message = "OAuth callback: could not store the tokens of GHL location {LocationId}")]
    private static partial void LogStoreFailed(ILogger logger, string locationId, Exception exception);

    [LoggerMessage(EventId = 4044, EventName = "GhlOAuthIncompleteAnswer", Level = LogLevel.Error,
        Message = "OAuth callback: HighLevel's answer to the code exchange was incomplete: {Problem}")]
    private static partial void LogIncompleteAnswer(ILogger logger, string problem);

    [LoggerMessage(EventId = 4038, EventName = "GhlOAuthStatusClearFailed", Level = LogLevel.Warning,
        Message = "OAuth callback: could not clear the needs-attention mark of GHL location {LocationId}")]
    private static partial void LogStatusClearFailed(ILogger logger, string locationId, Exception exception);

    [LoggerMessage(EventId = 4039, EventName = "GhlOAuthLocationNotConfigured", Level = LogLevel.Warning,
        Message = "OAuth callback refused: GHL location {LocationId} is not the GhlLocationId of any Roezan account; nothing stored")]
    private static partial void LogLocationNotConfigured(ILogger logger, string locationId);

    [LoggerMessage(EventId = 4045, EventName = "GhlOAuthWouldReplacePrivateIntegration", Level = LogLevel.Warning,
        Message = "OAuth callback refused: GHL location {LocationId} has a working Private Integration token ({SecretFingerprint}) and GhlOAuth:AllowReplacingPrivateIntegrationToken is false; nothing stored")]
    private static partial void LogWouldReplace(ILogger logger, string locationId, string secretFingerprint);

    [LoggerMessage(EventId = 4046, EventName = "GhlOAuthReplacingPrivateIntegration", Level = LogLevel.Warning,
        Message = "OAuth install replaces the Private Integration token ({SecretFingerprint}) of GHL location {LocationId}, as GhlOAuth:AllowReplacingPrivateIntegrationToken allows")]
    private static partial void LogReplacing(ILogger logger, string locationId, string secretFingerprint);
}
