using Azure;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// A location's reconcile lease while a run holds it: renewed on a timer; <see cref="Lost"/> is cancelled
/// when a renewal fails, so the run stops before another run can take the location over. Disposing releases it.
/// </summary>
public sealed class HeldReconcileLease : IAsyncDisposable
{
    private readonly BlobLeaseClient _lease;
    private readonly string _locationId;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;

    internal HeldReconcileLease(BlobLeaseClient lease, TimeSpan renewEvery, string locationId, TimeProvider time, ILogger logger)
    {
        _lease = lease;
        _locationId = locationId;
        _logger = logger;
        _renewal = KeepAsync(renewEvery, time);
    }

    /// <summary>Cancelled when the lease could not be renewed: the run must stop.</summary>
    public CancellationToken Lost => _lost.Token;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewal.ConfigureAwait(false);
        try
        {
            await _lease.ReleaseAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        catch (RequestFailedException exception)
        {
            ReconcileLog.LeaseReleaseFailed(_logger, _locationId, exception);
        }

        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task KeepAsync(TimeSpan renewEvery, TimeProvider time)
    {
        using var timer = new PeriodicTimer(renewEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                await _lease.RenewAsync(cancellationToken: _stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Released by the run.
        }
        catch (RequestFailedException exception)
        {
            ReconcileLog.LeaseLost(_logger, _locationId, exception);
            await _lost.CancelAsync().ConfigureAwait(false);
        }
    }
}
