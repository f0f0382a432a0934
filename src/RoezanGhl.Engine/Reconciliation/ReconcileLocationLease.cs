using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Storage;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// One reconciliation at a time per GHL location, across instances and across the CLI: a blob lease on
/// <c>reconcile-{locationId}</c> in the lease container (<c>GhlOAuth:LeaseContainer</c>). The timer's own
/// singleton already keeps two timer runs apart; this lease also covers a run started by hand and a run that
/// outlives its schedule. The lease is tried once (the loser backs off, it does not queue), renewed while the
/// run works, and lapses within <see cref="LeaseDuration"/> after a crash.
/// </summary>
public sealed class ReconcileLocationLease
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    private readonly BlobContainerClient _container;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RunOnce _creation;

    public ReconcileLocationLease(BlobServiceClient blobs, StorageNames names, TimeProvider time, ILogger<ReconcileLocationLease> logger)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(names);
        _container = blobs.GetBlobContainerClient(names.LeaseContainer);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _creation = new(() => _container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
    }

    /// <summary>The held lease, or null when another run holds it.</summary>
    public async Task<HeldReconcileLease?> TryAcquireAsync(string locationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        await _creation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var blob = _container.GetBlobClient("reconcile-" + SecretNames.Sanitize(locationId));
        var lease = blob.GetBlobLeaseClient();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
                return new HeldReconcileLease(lease, LeaseDuration / 3, locationId, _time, _logger);
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                try
                {
                    await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException created) when (created.Status is 409 or 412)
                {
                    // Another run created it first.
                }
            }
            catch (RequestFailedException exception) when (exception.Status == 409)
            {
                return null;
            }
        }

        return null;
    }
}
