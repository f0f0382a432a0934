using System.Collections.Concurrent;
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
/// first and refreshes only when it is still due, and the new pair is stored before it is returned.</item>
/// </list>
/// A refusal that needs a person (invalid_grant, location not active, a PIT that GHL no longer accepts)
/// marks the location in <see cref="ILocationStatusStore"/> and throws
/// <see cref="GhlLocationNeedsAttentionException"/>; later calls throw at once, without asking GHL again,
/// until the secret holds a different value.
/// </summary>
public sealed partial class GhlTokenProvider : IGhlTokenProvider
{
    private static readonly TimeSpan FirstStoreRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestStoreRetryDelay = TimeSpan.FromSeconds(15);

    private readonly ISecretStore _secrets;
    private readonly GhlOAuthTokenClient _tokenClient;
    private readonly ITokenRefreshLock _refreshLock;
    private readonly ILocationStatusStore _statuses;
    private readonly IOptions<GhlOAuthOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GhlTokenProvider> _logger;
    private readonly ConcurrentDictionary<string, LocationTokenState> _locations = new(StringComparer.Ordinal);

    public GhlTokenProvider(
        ISecretStore secrets,
        GhlOAuthTokenClient tokenClient,
        ITokenRefreshLock refreshLock,
        ILocationStatusStore statuses,
        IOptions<GhlOAuthOptions> options,
        TimeProvider time,
        ILogger<GhlTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(tokenClient);
        ArgumentNullException.ThrowIfNull(refreshLock);
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _secrets = secrets;
        _tokenClient = tokenClient;
        _refreshLock = refreshLock;
        _statuses = statuses;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async ValueTask<GhlAccessToken> GetTokenAsync(string locationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        var state = await GetStateAsync(locationId, cancellationToken).ConfigureAwait(false);
        if (state.Unsaved is null)
        {
            var secret = await ReadAsync(locationId, bypassCache: false, cancellationToken).ConfigureAwait(false);
            await ThrowIfStillRefusedAsync(state, locationId, secret, cancellationToken).ConfigureAwait(false);
            if (secret.Kind == GhlTokenSecretKind.PrivateIntegration)
            {
                return new GhlAccessToken(secret.Value!);
            }

            if (secret.OAuth is { } set && !IsDue(set))
            {
                return set.ToAccessToken();
            }
        }

        return await RenewAsync(state, locationId, rejected: null, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<GhlAccessToken> GetFreshTokenAsync(string locationId, GhlAccessToken rejected, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        ArgumentNullException.ThrowIfNull(rejected);
        var state = await GetStateAsync(locationId, cancellationToken).ConfigureAwait(false);
        return await RenewAsync(state, locationId, rejected, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A token newer than <paramref name="rejected"/> (or not due, when null), one caller at a time per location.</summary>
    private async Task<GhlAccessToken> RenewAsync(LocationTokenState state, string locationId, GhlAccessToken? rejected, CancellationToken cancellationToken)
    {
        await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (state.Unsaved is not null)
            {
                await StoreUnsavedAsync(state, locationId, cancellationToken).ConfigureAwait(false);
            }

            // The caller before us in the gate may have renewed already; it wrote through the cache.
            var secret = await ReadAsync(locationId, bypassCache: false, cancellationToken).ConfigureAwait(false);
            if (await TryUseAsync(state, locationId, secret, rejected, confirmed: false, cancellationToken).ConfigureAwait(false) is { } cached)
            {
                return cached;
            }

            // Another instance may have renewed, or a person may have rotated the secret.
            secret = await ReadAsync(locationId, bypassCache: true, cancellationToken).ConfigureAwait(false);
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
        await ThrowIfStillRefusedAsync(state, locationId, secret, cancellationToken).ConfigureAwait(false);
        var secretName = SecretNames.GhlToken(locationId);
        switch (secret.Kind)
        {
            case GhlTokenSecretKind.PrivateIntegration when rejected is null || !string.Equals(secret.Value, rejected.Value, StringComparison.Ordinal):
                if (rejected is not null)
                {
                    LogPrivateTokenRotated(_logger, locationId);
                }

                return new GhlAccessToken(secret.Value!);
            case GhlTokenSecretKind.PrivateIntegration when confirmed:
                throw await MarkNeedsAttentionAsync(state, locationId, secret,
                    $"GHL refused its Private Integration token (401) and secret '{secretName}' holds no other; store a new token there", null, cancellationToken).ConfigureAwait(false);
            case GhlTokenSecretKind.Missing when confirmed:
                throw await MarkNeedsAttentionAsync(state, locationId, secret,
                    $"secret '{secretName}' does not exist; store a Private Integration token there or install the app via /api/ghl/oauth/start", null, cancellationToken).ConfigureAwait(false);
            case GhlTokenSecretKind.Unreadable when confirmed:
                throw await MarkNeedsAttentionAsync(state, locationId, secret,
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
        // Another instance may already have learned that this grant is dead: do not ask GHL again.
        var status = await _statuses.GetAsync(locationId, cancellationToken).ConfigureAwait(false);
        if (status is { NeedsAttention: true } && status.SecretFingerprint == secret.Fingerprint)
        {
            var mark = new NeedsAttentionMark(status.Reason ?? "marked by another instance", secret.Fingerprint);
            state.MarkAttention(mark);
            throw new GhlLocationNeedsAttentionException(locationId, mark.Reason);
        }

        IAsyncDisposable lease;
        try
        {
            lease = await _refreshLock.AcquireAsync(locationId, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException) when (rejected is null && secret.OAuth!.ExpiresAt > _time.GetUtcNow())
        {
            // Another instance is still at it; the current token works meanwhile.
            LogRefreshDeferred(_logger, locationId, null, "another instance holds the refresh lease", secret.OAuth.ExpiresAt);
            return secret.OAuth.ToAccessToken();
        }

        await using (lease.ConfigureAwait(false))
        {
            // The previous holder of the lease may have refreshed and stored a new pair meanwhile.
            secret = await ReadAsync(locationId, bypassCache: true, cancellationToken).ConfigureAwait(false);
            if (await TryUseAsync(state, locationId, secret, rejected, confirmed: true, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                LogRefreshedElsewhere(_logger, locationId);
                return stored;
            }

            var current = secret.OAuth!;
            var client = await GhlOAuthClientCredentials.LoadAsync(_secrets, cancellationToken).ConfigureAwait(false);
            if (client is null)
            {
                // Not marked: the fix is in the client secrets, not in this location's token secret.
                var reason = $"its OAuth token is due for refresh but secrets '{SecretNames.GhlOAuthClientId}' and '{SecretNames.GhlOAuthClientSecret}' are not both set";
                LogNeedsAttention(_logger, locationId, reason, SecretNames.GhlToken(locationId));
                throw new GhlLocationNeedsAttentionException(locationId, reason);
            }

            GhlTokenEndpointResponse answer;
            try
            {
                answer = await _tokenClient.RefreshAsync(client, current.RefreshToken, cancellationToken).ConfigureAwait(false);
            }
            catch (GhlTokenEndpointException ex) when (ex.IsRejected)
            {
                throw await MarkNeedsAttentionAsync(state, locationId, secret,
                    $"GHL refused the token refresh ({ex.StatusCode} {ex.ErrorCode ?? "error"}): {ex.ServerMessage}", ex, cancellationToken).ConfigureAwait(false);
            }
            catch (GhlTokenEndpointException ex) when (rejected is null && current.ExpiresAt > _time.GetUtcNow())
            {
                // Refreshing ahead of time failed for a passing reason: the current token still works.
                LogRefreshDeferred(_logger, locationId, ex.StatusCode, ex.ServerMessage, current.ExpiresAt);
                return current.ToAccessToken();
            }

            // From here the stored refresh token is spent: the only live pair is this one, in memory, until stored.
            var renewed = answer.ToTokenSet(_time.GetUtcNow(), current);
            state.Unsaved = renewed;
            await StoreAsync(state, locationId, renewed, cancellationToken).ConfigureAwait(false);
            LogRefreshed(_logger, locationId, renewed.ExpiresAt);
            return renewed.ToAccessToken();
        }
    }

    /// <summary>
    /// Writes a refreshed pair, retrying the write (never the refresh) with backoff for up to
    /// <see cref="GhlOAuthOptions.StoreRetryWindow"/>. When the store stays down the pair stays in
    /// <see cref="LocationTokenState.Unsaved"/> and the next caller writes it first.
    /// </summary>
    private async Task StoreAsync(LocationTokenState state, string locationId, GhlOAuthTokenSet set, CancellationToken cancellationToken)
    {
        var name = SecretNames.GhlToken(locationId);
        var json = GhlTokenSecret.Write(set);
        var giveUpAt = _time.GetUtcNow() + _options.Value.StoreRetryWindow;
        var delay = FirstStoreRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _secrets.SetSecretAsync(name, json, cancellationToken).ConfigureAwait(false);
                state.Unsaved = null;
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (_time.GetUtcNow() + delay > giveUpAt)
                {
                    LogStoreFailed(_logger, locationId, attempt, ex);
                    throw;
                }

                LogStoreRetrying(_logger, locationId, attempt, delay, ex);
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestStoreRetryDelay.Ticks));
        }
    }

    /// <summary>Writes the pair an earlier call refreshed but could not store, unless a later pair is stored already.</summary>
    private async Task StoreUnsavedAsync(LocationTokenState state, string locationId, CancellationToken cancellationToken)
    {
        var unsaved = state.Unsaved!;
        var lease = await _refreshLock.AcquireAsync(locationId, cancellationToken).ConfigureAwait(false);
        await using (lease.ConfigureAwait(false))
        {
            var stored = await ReadAsync(locationId, bypassCache: true, cancellationToken).ConfigureAwait(false);
            if (stored.OAuth is { } newer && newer.ExpiresAt > unsaved.ExpiresAt)
            {
                state.Unsaved = null;
                return;
            }

            await StoreAsync(state, locationId, unsaved, cancellationToken).ConfigureAwait(false);
            LogUnsavedStored(_logger, locationId);
        }
    }

    /// <summary>Throws while the secret is the one that was refused; clears the mark once it changed.</summary>
    private async Task ThrowIfStillRefusedAsync(LocationTokenState state, string locationId, GhlTokenSecret secret, CancellationToken cancellationToken)
    {
        if (state.Attention is not { } mark)
        {
            return;
        }

        if (mark.Fingerprint == secret.Fingerprint)
        {
            throw new GhlLocationNeedsAttentionException(locationId, mark.Reason);
        }

        // The secret changed since it was refused: a person acted, so try the new value.
        if (state.TryClearAttention(mark))
        {
            LogAttentionCleared(_logger, locationId);
            try
            {
                await _statuses.ClearAsync(locationId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogStatusWriteFailed(_logger, locationId, ex);
            }
        }
    }

    private async Task<GhlLocationNeedsAttentionException> MarkNeedsAttentionAsync(
        LocationTokenState state, string locationId, GhlTokenSecret secret, string reason, Exception? cause, CancellationToken cancellationToken)
    {
        state.MarkAttention(new NeedsAttentionMark(reason, secret.Fingerprint));
        LogNeedsAttention(_logger, locationId, reason, SecretNames.GhlToken(locationId));
        try
        {
            await _statuses.MarkNeedsAttentionAsync(locationId, reason, secret.Fingerprint, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStatusWriteFailed(_logger, locationId, ex);
        }

        return new GhlLocationNeedsAttentionException(locationId, reason, cause);
    }

    private async Task<LocationTokenState> GetStateAsync(string locationId, CancellationToken cancellationToken)
    {
        var state = _locations.GetOrAdd(locationId, id => new LocationTokenState(s => LoadStatusAsync(id, s)));
        await state.StatusLoaded.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return state;
    }

    /// <summary>Picks up, once per process, a mark that another instance (or an earlier run) left.</summary>
    private async Task LoadStatusAsync(string locationId, LocationTokenState state)
    {
        var status = await _statuses.GetAsync(locationId, CancellationToken.None).ConfigureAwait(false);
        if (status is { NeedsAttention: true, SecretFingerprint: { } fingerprint } && state.Attention is null)
        {
            state.MarkAttention(new NeedsAttentionMark(status.Reason ?? "marked by another instance", fingerprint));
        }
    }

    private async Task<GhlTokenSecret> ReadAsync(string locationId, bool bypassCache, CancellationToken cancellationToken)
    {
        var value = await _secrets.GetSecretAsync(SecretNames.GhlToken(locationId), bypassCache, cancellationToken).ConfigureAwait(false);
        return GhlTokenSecret.Read(value);
    }

    private bool IsDue(GhlOAuthTokenSet set) => set.ExpiresWithin(_options.Value.RefreshLead, _time.GetUtcNow());

    [LoggerMessage(EventId = 4010, EventName = "GhlTokenRefreshed", Level = LogLevel.Information,
        Message = "Refreshed the OAuth token of GHL location {LocationId} and stored the new pair; it expires at {ExpiresAt}")]
    private static partial void LogRefreshed(ILogger logger, string locationId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4011, EventName = "GhlTokenRefreshedElsewhere", Level = LogLevel.Debug,
        Message = "The OAuth token of GHL location {LocationId} was refreshed by another instance; using the stored pair")]
    private static partial void LogRefreshedElsewhere(ILogger logger, string locationId);

    [LoggerMessage(EventId = 4012, EventName = "GhlLocationNeedsAttention", Level = LogLevel.Error,
        Message = "GHL location {LocationId} needs attention: {Reason}. Its events wait until the token secret {SecretName} changes (re-authorize via /api/ghl/oauth/start, rotate the token, or fix the location's billing)")]
    private static partial void LogNeedsAttention(ILogger logger, string locationId, string reason, string secretName);

    [LoggerMessage(EventId = 4013, EventName = "GhlLocationAttentionCleared", Level = LogLevel.Information,
        Message = "The token secret of GHL location {LocationId} changed since it was refused; trying the new one")]
    private static partial void LogAttentionCleared(ILogger logger, string locationId);

    [LoggerMessage(EventId = 4014, EventName = "GhlTokenStoreRetrying", Level = LogLevel.Warning,
        Message = "Could not store the refreshed token pair of GHL location {LocationId} (attempt {Attempt}); writing the same pair again in {Delay}")]
    private static partial void LogStoreRetrying(ILogger logger, string locationId, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 4015, EventName = "GhlTokenStoreFailed", Level = LogLevel.Error,
        Message = "Could not store the refreshed token pair of GHL location {LocationId} after {Attempt} attempts; it is kept in memory and stored before any other use")]
    private static partial void LogStoreFailed(ILogger logger, string locationId, int attempt, Exception exception);

    [LoggerMessage(EventId = 4016, EventName = "GhlTokenRefreshDeferred", Level = LogLevel.Warning,
        Message = "Refreshing the OAuth token of GHL location {LocationId} ahead of expiry failed ({StatusCode}: {GhlMessage}); the current token works until {ExpiresAt} and the refresh is tried again")]
    private static partial void LogRefreshDeferred(ILogger logger, string locationId, int? statusCode, string ghlMessage, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4017, EventName = "GhlLocationStatusWriteFailed", Level = LogLevel.Warning,
        Message = "Could not write the status of GHL location {LocationId}")]
    private static partial void LogStatusWriteFailed(ILogger logger, string locationId, Exception exception);

    [LoggerMessage(EventId = 4018, EventName = "GhlPrivateTokenRotated", Level = LogLevel.Information,
        Message = "GHL refused the Private Integration token of location {LocationId}; its secret holds a new one, which is used now")]
    private static partial void LogPrivateTokenRotated(ILogger logger, string locationId);

    [LoggerMessage(EventId = 4019, EventName = "GhlTokenUnsavedStored", Level = LogLevel.Information,
        Message = "Stored the token pair of GHL location {LocationId} that an earlier call refreshed but could not store")]
    private static partial void LogUnsavedStored(ILogger logger, string locationId);
}
