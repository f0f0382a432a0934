using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// Writes a refreshed token pair before its access token is used. The stored refresh token is spent by then, so a
/// failed write is retried with the same pair (never by refreshing again) with backoff for up to
/// <see cref="GhlOAuthOptions.StoreRetryWindow"/>; when the store stays down the pair stays in
/// <see cref="LocationTokenState.Unsaved"/> and is written before anything else on the next call. The write does not
/// take the caller's cancellation: once GHL answered a refresh, a caller that gives up (scale-in, deploy, timeout) must
/// not lose the only live pair, so the write runs to completion, bounded by the retry window alone.
/// </summary>
internal sealed class RefreshedTokenWriter
{
    private static readonly TimeSpan FirstStoreRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestStoreRetryDelay = TimeSpan.FromSeconds(15);

    private readonly GhlLocationTokenStore _store;
    private readonly IOptions<GhlOAuthOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RefreshedTokenWriter(GhlLocationTokenStore store, IOptions<GhlOAuthOptions> options, TimeProvider time, ILogger logger)
    {
        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Writes <paramref name="set"/>, retrying the write; clears <see cref="LocationTokenState.Unsaved"/> once it is stored.</summary>
    public async Task StoreAsync(LocationTokenState state, string locationId, GhlOAuthTokenSet set)
    {
        var window = _options.Value.StoreRetryWindow;
        // The last attempt may start just before the window ends: give it one more delay's worth to finish.
        using var bound = new CancellationTokenSource(window + LongestStoreRetryDelay, _time);
        var cancellationToken = bound.Token;
        var giveUpAt = _time.GetUtcNow() + window;
        var delay = FirstStoreRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _store.WriteAsync(locationId, set, cancellationToken).ConfigureAwait(false);
                state.Unsaved = null;
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (_time.GetUtcNow() + delay > giveUpAt)
                {
                    GhlTokenLog.StoreFailed(_logger, locationId, attempt, ex);
                    throw;
                }

                GhlTokenLog.StoreRetrying(_logger, locationId, attempt, delay, ex);
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestStoreRetryDelay.Ticks));
        }
    }

    /// <summary>Writes the pair an earlier call refreshed but could not store, unless a later pair is stored already.</summary>
    public async Task StoreUnsavedAsync(LocationTokenState state, string locationId, CancellationToken cancellationToken)
    {
        var unsaved = state.Unsaved!;
        var lease = await _store.LockAsync(locationId, cancellationToken).ConfigureAwait(false);
        await using (lease.ConfigureAwait(false))
        {
            var stored = await _store.ReadAsync(locationId, bypassCache: true, cancellationToken).ConfigureAwait(false);
            if (stored.OAuth is { } newer && newer.ExpiresAt > unsaved.ExpiresAt)
            {
                state.Unsaved = null;
                return;
            }

            await StoreAsync(state, locationId, unsaved).ConfigureAwait(false);
            GhlTokenLog.UnsavedStored(_logger, locationId);
        }
    }
}
