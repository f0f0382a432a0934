using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Ghl.Auth;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// Renews one location's token when the stored one is due or was refused: one caller at a time per location in
/// this process (<see cref="LocationTokenState.Gate"/>); the secret is read again, through the cache and then past
/// it, because the caller before or another instance may have renewed it or a person rotated it; only then is the
/// refresh token spent, holding the location's lease across instances, and the new pair stored before it is returned.
/// </summary>
internal sealed class GhlTokenRenewal
{
    private readonly GhlLocationTokenStore _store;
    private readonly GhlOAuthTokenClient _tokenClient;
    private readonly LocationAttentionMarks _attention;
    private readonly RefreshedTokenWriter _writer;
    private readonly IOptions<GhlOAuthOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public GhlTokenRenewal(GhlLocationTokenStore store, GhlOAuthTokenClient tokenClient, LocationAttentionMarks attention, IOptions<GhlOAuthOptions> options, TimeProvider time, ILogger logger)
    {
        _store = store;
        _tokenClient = tokenClient;
        _attention = attention;
        _options = options;
        _time = time;
        _logger = logger;
        _writer = new RefreshedTokenWriter(store, options, time, logger);
    }

    /// <summary>True when an OAuth token set is within <see cref="GhlOAuthOptions.RefreshLead"/> of its expiry.</summary>
    public bool IsDue(GhlOAuthTokenSet set) => set.ExpiresWithin(_options.Value.RefreshLead, _time.GetUtcNow());

    /// <summary>A token newer than <paramref name="rejected"/> (or not due, when null), one caller at a time per location.</summary>
    public async Task<GhlAccessToken> RenewAsync(LocationTokenState state, string locationId, GhlAccessToken? rejected, CancellationToken cancellationToken)
    {
        await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (state.Unsaved is not null)
            {
                await _writer.StoreUnsavedAsync(state, locationId, cancellationToken).ConfigureAwait(false);
            }

            // The caller before us in the gate may have renewed already; it wrote through the cache.
            var secret = await _store.ReadAsync(locationId, bypassCache: false, cancellationToken).ConfigureAwait(false);
            if (await TryUseAsync(state, locationId, secret, rejected, confirmed: false, cancellationToken).ConfigureAwait(false) is { } cached)
            {
                return cached;
            }

            // Another instance may have renewed, or a person may have rotated the secret.
            secret = await _store.ReadAsync(locationId, bypassCache: true, cancellationToken).ConfigureAwait(false);
            if (await TryUseAsync(state, locationId, secret, rejected, confirmed: true, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                return stored;
            }

            return await RefreshAsync(state, locationId, secret, rejected, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>
    /// The token the secret gives, or null when it has to be refreshed (OAuth, due or refused) or, before the
    /// secret is <paramref name="confirmed"/> by a read past the cache, when it looks missing or refused.
    /// Throws when a confirmed secret needs a person.
    /// </summary>
    private async Task<GhlAccessToken?> TryUseAsync(LocationTokenState state, string locationId, GhlTokenSecret secret, GhlAccessToken? rejected, bool confirmed, CancellationToken cancellationToken)
    {
        await _attention.ThrowIfStillRefusedAsync(state, locationId, secret, cancellationToken).ConfigureAwait(false);
        var secretName = SecretNames.GhlToken(locationId);
        switch (secret.Kind)
        {
            case GhlTokenSecretKind.PrivateIntegration when rejected is null || !string.Equals(secret.Value, rejected.Value, StringComparison.Ordinal):
                if (rejected is not null)
                {
                    GhlTokenLog.PrivateTokenRotated(_logger, locationId);
                }

                return new GhlAccessToken(secret.Value!);
            case GhlTokenSecretKind.PrivateIntegration when confirmed:
                throw await _attention.MarkAsync(state, locationId, secret,
                    $"GHL refused its Private Integration token (401) and secret '{secretName}' holds no other; store a new token there", null, cancellationToken).ConfigureAwait(false);
            case GhlTokenSecretKind.Missing when confirmed:
                throw await _attention.MarkAsync(state, locationId, secret,
                    $"secret '{secretName}' does not exist; store a Private Integration token there or install the app via /api/ghl/oauth/start", null, cancellationToken).ConfigureAwait(false);
            case GhlTokenSecretKind.Unreadable when confirmed:
                throw await _attention.MarkAsync(state, locationId, secret,
                    $"secret '{secretName}' holds JSON that is not a token set (accessToken, refreshToken, expiresAt, locationId)", null, cancellationToken).ConfigureAwait(false);
            case GhlTokenSecretKind.OAuth when !string.Equals(secret.OAuth!.AccessToken, rejected?.Value, StringComparison.Ordinal) && !IsDue(secret.OAuth):
                return secret.OAuth.ToAccessToken();
            default:
                return null;
        }
    }

    /// <summary>Spends the refresh token of <paramref name="secret"/>, holding the location's lease, and stores the new pair.</summary>
    private async Task<GhlAccessToken> RefreshAsync(LocationTokenState state, string locationId, GhlTokenSecret secret, GhlAccessToken? rejected, CancellationToken cancellationToken)
    {
        await _attention.ThrowIfMarkedElsewhereAsync(state, locationId, secret, cancellationToken).ConfigureAwait(false);
        ITokenRefreshLease lease;
        try
        {
            lease = await _store.LockAsync(locationId, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException) when (rejected is null && secret.OAuth!.ExpiresAt > _time.GetUtcNow())
        {
            // Another instance is still at it; the current token works meanwhile.
            GhlTokenLog.RefreshDeferred(_logger, locationId, null, "another instance holds the refresh lease", secret.OAuth.ExpiresAt);
            return secret.OAuth.ToAccessToken();
        }

        await using (lease.ConfigureAwait(false))
        {
            // The previous holder of the lease may have refreshed and stored a new pair meanwhile.
            secret = await _store.ReadAsync(locationId, bypassCache: true, cancellationToken).ConfigureAwait(false);
            if (await TryUseAsync(state, locationId, secret, rejected, confirmed: true, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                GhlTokenLog.RefreshedElsewhere(_logger, locationId);
                return stored;
            }

            var current = secret.OAuth!;
            var client = await _store.LoadClientAsync(cancellationToken).ConfigureAwait(false);
            if (client is null)
            {
                // Not marked: the fix is in the client secrets, not in this location's token secret.
                var reason = $"its OAuth token is due for refresh but secrets '{SecretNames.GhlOAuthClientId}' and '{SecretNames.GhlOAuthClientSecret}' are not both set";
                GhlTokenLog.NeedsAttention(_logger, locationId, reason, SecretNames.GhlToken(locationId));
                throw new GhlLocationNeedsAttentionException(locationId, reason);
            }

            if (lease.Lost.IsCancellationRequested)
            {
                // Another instance may hold the lease now and be spending this very refresh token.
                GhlTokenLog.RefreshLeaseLost(_logger, locationId);
                throw GhlRefreshLeaseLostException.For(locationId);
            }

            GhlTokenEndpointResponse answer;
            try
            {
                answer = await _tokenClient.RefreshAsync(client, current.RefreshToken, cancellationToken).ConfigureAwait(false);
            }
            catch (GhlTokenEndpointException ex) when (ex.IsRejected)
            {
                throw await _attention.MarkAsync(state, locationId, secret,
                    $"GHL refused the token refresh ({ex.StatusCode} {ex.ErrorCode ?? "error"}): {ex.ServerMessage}", ex, cancellationToken).ConfigureAwait(false);
            }
            catch (GhlTokenEndpointException ex) when (rejected is null && current.ExpiresAt > _time.GetUtcNow())
            {
                // Refreshing ahead of time failed for a passing reason: the current token still works.
                GhlTokenLog.RefreshDeferred(_logger, locationId, ex.StatusCode, ex.ServerMessage, current.ExpiresAt);
                return current.ToAccessToken();
            }

            // From here the stored refresh token is spent: the only live pair is this one, in memory, until stored. It is
            // stored whatever happens to the caller (no caller token) and even when the lease was lost meanwhile.
            var renewed = answer.ToTokenSet(_time.GetUtcNow(), current);
            state.Unsaved = renewed;
            await _writer.StoreAsync(state, locationId, renewed).ConfigureAwait(false);
            if (lease.Lost.IsCancellationRequested)
            {
                GhlTokenLog.RefreshedWithoutLease(_logger, locationId);
            }

            GhlTokenLog.Refreshed(_logger, locationId, renewed.ExpiresAt);
            return renewed.ToAccessToken();
        }
    }
}
