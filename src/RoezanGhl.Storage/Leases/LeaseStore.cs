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
/// </remarks>
public sealed class LeaseStore
{
    private readonly LinksTable _table;
    private readonly TimeProvider _timeProvider;

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
            var row = await table.GetEntityIfExistsAsync<LeaseEntity>(partition, LinkRowKeys.Lease(key), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (row is not { HasValue: true, Value: { } lease } || !string.Equals(lease.Owner, owner, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                await table.DeleteEntityAsync(partition, lease.RowKey, lease.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException exception) when (exception.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
            {
                // Gone or taken over after it expired: either way it is no longer ours to give back.
            }
        }
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
                await table.AddEntityAsync(lease, cancellationToken).ConfigureAwait(false);
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
                await table.UpdateEntityAsync(lease, held.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
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
