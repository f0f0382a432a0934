using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Credentials.Tokens;
using RoezanGhl.Ghl.Auth;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// Refreshes a location's OAuth token when it expires within <see cref="ReconciliationOptions.ReconcileTokenLead"/>,
/// even when no event needs it, so that a quiet location does not start its next event with an expired token.
/// The refresh itself is the token provider's (single flight per location, the new pair stored before use):
/// the token about to expire is handed to <see cref="IGhlTokenProvider.GetFreshTokenAsync"/> as the one to
/// replace. Private Integration tokens do not expire and are left alone.
/// </summary>
public sealed class TokenRefreshSweep
{
    private readonly ISecretStore _secrets;
    private readonly IGhlTokenProvider _tokens;
    private readonly ReconciliationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public TokenRefreshSweep(ISecretStore secrets, IGhlTokenProvider tokens, IOptions<ReconciliationOptions> options, TimeProvider time, ILogger<TokenRefreshSweep> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>True when the token was refreshed (or, in a dry run, would be).</summary>
    public async Task<bool> RefreshIfExpiringAsync(string locationId, bool dryRun, CancellationToken cancellationToken)
    {
        var secret = GhlTokenSecret.Read(await _secrets.GetSecretAsync(SecretNames.GhlToken(locationId), bypassCache: true, cancellationToken).ConfigureAwait(false));
        if (secret.OAuth is not { } current || !current.ExpiresWithin(_options.ReconcileTokenLead, _time.GetUtcNow()))
        {
            return false;
        }

        if (dryRun)
        {
            ReconcileLog.TokenDue(_logger, locationId, current.ExpiresAt);
            return true;
        }

        try
        {
            var fresh = await _tokens.GetFreshTokenAsync(locationId, current.ToAccessToken(), cancellationToken).ConfigureAwait(false);
            ReconcileLog.TokenRefreshed(_logger, locationId, fresh.ExpiresAt);
            return true;
        }
        catch (GhlLocationNeedsAttentionException exception)
        {
            ReconcileLog.TokenNeedsAttention(_logger, locationId, exception.Reason);
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The token still works until it expires; the next run (or the next event) tries again.
            ReconcileLog.TokenRefreshFailed(_logger, locationId, exception);
            return false;
        }
    }
}
