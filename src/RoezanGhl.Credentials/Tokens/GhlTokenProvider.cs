using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Ghl.Auth;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// The GHL token of each location, from its secret <c>ghl-token-{locationId}</c>:
/// <list type="bullet">
/// <item>a Private Integration token (plain text) is used as it is; after a 401 the secret is re-read past
/// the cache once, so a token rotated in the vault takes effect at once;</item>
/// <item>an OAuth token set (JSON) is refreshed ahead of expiry and after a 401. A refresh token is
/// single-use, so one renewal at a time runs per location in this process (a semaphore) and across
/// instances (<see cref="ITokenRefreshLock"/>, a blob lease); whoever holds the lease re-reads the secret
/// first and refreshes only when it is still due, and the new pair is stored before it is returned
/// (<see cref="GhlTokenRenewal"/>).</item>
/// </list>
/// A refusal that needs a person (invalid_grant, location not active, a PIT that GHL no longer accepts)
/// marks the location in <see cref="ILocationStatusStore"/> and throws
/// <see cref="GhlLocationNeedsAttentionException"/>; later calls throw at once, without asking GHL again,
/// until the secret holds a different value (<see cref="LocationAttentionMarks"/>). So does a token that GHL refuses right
/// after it was renewed for a 401 (<see cref="RejectedAfterRenewalAsync"/>): at most one refresh per token.
/// </summary>
public sealed class GhlTokenProvider : IGhlTokenProvider
{
    private readonly GhlLocationTokenStore _store;
    private readonly LocationAttentionMarks _attention;
    private readonly GhlTokenRenewal _renewal;

    public GhlTokenProvider(GhlLocationTokenStore store, GhlOAuthTokenClient tokenClient, IOptions<GhlOAuthOptions> options, TimeProvider time, ILogger<GhlTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tokenClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _attention = new LocationAttentionMarks(store.Statuses, logger);
        _renewal = new GhlTokenRenewal(store, tokenClient, _attention, options, time, logger);
    }

    public async ValueTask<GhlAccessToken> GetTokenAsync(string locationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        var state = await _attention.GetStateAsync(locationId, cancellationToken).ConfigureAwait(false);
        if (state.Unsaved is null)
        {
            var secret = await _store.ReadAsync(locationId, bypassCache: false, cancellationToken).ConfigureAwait(false);
            await _attention.ThrowIfStillRefusedAsync(state, locationId, secret, cancellationToken).ConfigureAwait(false);
            if (secret.Kind == GhlTokenSecretKind.PrivateIntegration)
            {
                return new GhlAccessToken(secret.Value!);
            }

            if (secret.OAuth is { } set && !_renewal.IsDue(set))
            {
                return set.ToAccessToken();
            }
        }

        return await _renewal.RenewAsync(state, locationId, rejected: null, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<GhlAccessToken> GetFreshTokenAsync(string locationId, GhlAccessToken rejected, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        ArgumentNullException.ThrowIfNull(rejected);
        var state = await _attention.GetStateAsync(locationId, cancellationToken).ConfigureAwait(false);
        return await _renewal.RenewAsync(state, locationId, rejected, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<GhlLocationNeedsAttentionException> RejectedAfterRenewalAsync(string locationId, GhlAccessToken renewed, string ghlMessage, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        ArgumentNullException.ThrowIfNull(renewed);
        var state = await _attention.GetStateAsync(locationId, cancellationToken).ConfigureAwait(false);
        var secret = await _store.ReadAsync(locationId, bypassCache: false, cancellationToken).ConfigureAwait(false);
        var reason = $"GHL refused the token it had just been given after a 401 ({ghlMessage}), so it is not refreshed again; "
            + $"store a new token in secret '{SecretNames.GhlToken(locationId)}' or install the app again via /api/ghl/oauth/start";
        var held = secret.Kind == GhlTokenSecretKind.PrivateIntegration ? secret.Value : secret.OAuth?.AccessToken;
        if (!string.Equals(held, renewed.Value, StringComparison.Ordinal))
        {
            // The secret changed since (a person, another instance): not marked, so that the next call tries the new value.
            return new GhlLocationNeedsAttentionException(locationId, reason);
        }

        return await _attention.MarkAsync(state, locationId, secret, reason, null, cancellationToken).ConfigureAwait(false);
    }
}
