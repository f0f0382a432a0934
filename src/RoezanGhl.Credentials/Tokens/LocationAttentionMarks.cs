using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Ghl.Auth;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// Which locations need a person, as the token provider sees them. Each location's <see cref="LocationTokenState"/>
/// starts from the mark another instance (or an earlier run) left in <see cref="ILocationStatusStore"/>; a refused
/// secret is marked by its fingerprint, here and in the store, and while the secret holds that value every call
/// throws <see cref="GhlLocationNeedsAttentionException"/> without asking GHL again. A different value clears the mark.
/// </summary>
internal sealed class LocationAttentionMarks
{
    private readonly ILocationStatusStore _statuses;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, LocationTokenState> _locations = new(StringComparer.Ordinal);

    public LocationAttentionMarks(ILocationStatusStore statuses, ILogger logger)
    {
        _statuses = statuses;
        _logger = logger;
    }

    /// <summary>The location's state in this process, with the shared mark read once.</summary>
    public async Task<LocationTokenState> GetStateAsync(string locationId, CancellationToken cancellationToken)
    {
        var state = _locations.GetOrAdd(locationId, id => new LocationTokenState(s => LoadStatusAsync(id, s)));
        await state.StatusLoaded.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return state;
    }

    /// <summary>Throws while the secret is the one that was refused; clears the mark once it changed.</summary>
    public async Task ThrowIfStillRefusedAsync(LocationTokenState state, string locationId, GhlTokenSecret secret, CancellationToken cancellationToken)
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
            GhlTokenLog.AttentionCleared(_logger, locationId);
            try
            {
                await _statuses.ClearAsync(locationId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                GhlTokenLog.StatusWriteFailed(_logger, locationId, ex);
            }
        }
    }

    /// <summary>Throws when another instance already learned that this very secret is refused: GHL is not asked again.</summary>
    public async Task ThrowIfMarkedElsewhereAsync(LocationTokenState state, string locationId, GhlTokenSecret secret, CancellationToken cancellationToken)
    {
        var status = await _statuses.GetAsync(locationId, cancellationToken).ConfigureAwait(false);
        if (status is { NeedsAttention: true } && status.SecretFingerprint == secret.Fingerprint)
        {
            var mark = new NeedsAttentionMark(status.Reason ?? "marked by another instance", secret.Fingerprint);
            state.MarkAttention(mark);
            throw new GhlLocationNeedsAttentionException(locationId, mark.Reason);
        }
    }

    /// <summary>Marks the location (here and for every instance) and returns the exception to throw.</summary>
    public async Task<GhlLocationNeedsAttentionException> MarkAsync(
        LocationTokenState state, string locationId, GhlTokenSecret secret, string reason, Exception? cause, CancellationToken cancellationToken)
    {
        state.MarkAttention(new NeedsAttentionMark(reason, secret.Fingerprint));
        GhlTokenLog.NeedsAttention(_logger, locationId, reason, SecretNames.GhlToken(locationId));
        try
        {
            await _statuses.MarkNeedsAttentionAsync(locationId, reason, secret.Fingerprint, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            GhlTokenLog.StatusWriteFailed(_logger, locationId, ex);
        }

        return new GhlLocationNeedsAttentionException(locationId, reason, cause);
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
}
