using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Data.Tables;
using RoezanGhl.Storage.Links;

namespace RoezanGhl.Storage.Leases;

/// <summary>
/// Short exclusive leases on keys, held by an event, in the links table. Two uses: the creation claim
/// (<c>phone:+1…</c>, <c>email:…</c>, <c>roezan:{account}:{id}</c>) so that two events for a new contact
/// never both create it, and the contact / task lock (<c>contact:{ghlId}</c>, <c>task:{account}:{id}</c>)
/// so that changes to one contact or task are written one event at a time, in order.
/// </summary>
/// <remarks>
/// Mutual exclusion comes from Table storage's conditional writes: a free key is taken with an insert
/// that fails if the row exists; a held key is taken over only with the row's ETag, and only when it has
/// expired or is already ours (re-entrant: a re-delivered event gets its own leases back). An event that
/// crashed holding a lease blocks its keys until the lease expires, never for good.
/// <para>Giving a lease back costs one request when this instance wrote the row: the ETag of its own write is kept,
/// and the delete is conditioned on it, so it removes the row only while it is still exactly what we wrote (ours). Any
/// other write since (a renewal by another delivery, a take-over after expiry) changes the ETag: the delete is refused
/// with 412 and the row is read to decide, as for a lease this instance did not write.</para>
/// </remarks>
public sealed class LeaseStore
{
    /// <summary>ETags kept at most; past it they are forgotten (a release then reads the row first, as before).</summary>
    internal const int MaxKnownWrites = 10_000;

    private readonly LinksTable _table;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<(string Partition, string RowKey), (string Owner, ETag ETag)> _written = new();

    public LeaseStore(LinksTable table, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _table = table;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Takes every key for <paramref name="owner"/> (in ordinal order, so two events never wait on each
    /// other crosswise) or none: when one key is held by another event, the keys taken by this call are
    /// given back and the answer names the blocking key.
    /// </summary>
    public async Task<LeaseAcquisition> TryAcquireAsync(string locationId, IReadOnlyCollection<string> keys, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var table = await _table.GetClientAsync(cancellationToken).ConfigureAwait(false);
        var taken = new List<string>();
        foreach (var key in keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var (acquired, wasOurs, blocking) = await TryAcquireOneAsync(table, locationId, key, owner, duration, cancellationToken).ConfigureAwait(false);
            if (!acquired)
            {
                await ReleaseAsync(locationId, taken, owner, cancellationToken).ConfigureAwait(false);
                return new LeaseAcquisition { Acquired = false, BlockingKey = key, HeldBy = blocking?.Owner, HeldUntil = blocking?.ExpiresAt };
            }

            if (!wasOurs)
            {
                taken.Add(key);
            }
        }

        return LeaseAcquisition.All;
    }

    /// <summary>Gives back the keys that <paramref name="owner"/> holds; keys held by others (after expiry) are left alone.</summary>
    public async Task ReleaseAsync(string locationId, IReadOnlyCollection<string> keys, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        var table = await _table.GetClientAsync(cancellationToken).ConfigureAwait(false);
        var partition = LinkRowKeys.Partition(locationId);
        foreach (var key in keys)
        {
            var rowKey = LinkRowKeys.Lease(key);
            if (_written.TryGetValue((partition, rowKey), out var written) && string.Equals(written.Owner, owner, StringComparison.Ordinal)
                && _written.TryRemove(KeyValuePair.Create((partition, rowKey), written))
                && await TryDeleteAsync(table, partition, rowKey, written.ETag, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var row = await table.GetEntityIfExistsAsync<LeaseEntity>(partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (row is not { HasValue: true, Value: { } lease } || !string.Equals(lease.Owner, owner, StringComparison.Ordinal))
            {
                continue;
            }

            await TryDeleteAsync(table, partition, rowKey, lease.ETag, cancellationToken).ConfigureAwait(false);
        }
    }

    // True when the row is gone (deleted now, or already); false when it changed since that ETag (412): look at it again.
    private static async Task<bool> TryDeleteAsync(TableClient table, string partition, string rowKey, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partition, rowKey, etag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.NotFound)
        {
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            // Renewed or taken over after it expired: the caller reads it to see whose it is.
            return false;
        }
    }

    // Keeps the ETag of our own write of a lease row, so that giving it back needs no read first.
    private void Remember(string partition, string rowKey, string owner, ETag? etag)
    {
        if (etag is not { } known)
        {
            _written.TryRemove((partition, rowKey), out _);
            return;
        }

        if (_written.Count >= MaxKnownWrites)
        {
            _written.Clear();
        }

        _written[(partition, rowKey)] = (owner, known);
    }

    private async Task<(bool Acquired, bool WasOurs, LeaseEntity? Blocking)> TryAcquireOneAsync(TableClient table, string locationId, string key, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var lease = new LeaseEntity
        {
            PartitionKey = LinkRowKeys.Partition(locationId),
            RowKey = LinkRowKeys.Lease(key),
            Key = key,
            Owner = owner,
            ExpiresAt = now + duration,
        };

        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                // Insert-if-absent: exactly one of several racing inserts succeeds.
                var added = await table.AddEntityAsync(lease, cancellationToken).ConfigureAwait(false);
                Remember(lease.PartitionKey, lease.RowKey, owner, added.Headers.ETag);
                return (true, false, null);
            }
            catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.Conflict)
            {
                // Held (or left behind): read it to see by whom and until when.
            }

            var current = await table.GetEntityIfExistsAsync<LeaseEntity>(lease.PartitionKey, lease.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!current.HasValue || current.Value is not { } held)
            {
                continue; // Released between our insert and our read: insert again.
            }

            var ours = string.Equals(held.Owner, owner, StringComparison.Ordinal);
            if (!ours && held.ExpiresAt > now)
            {
                return (false, false, held);
            }

            try
            {
                // Renew our own lease or take over an expired one, only if nobody changed it since we read it.
                var updated = await table.UpdateEntityAsync(lease, held.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                Remember(lease.PartitionKey, lease.RowKey, owner, updated.Headers.ETag);
                return (true, ours, null);
            }
            catch (RequestFailedException exception) when (exception.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
            {
                // Someone else renewed, took or released it in between: look again.
            }
        }

        return (false, false, null);
    }
}
