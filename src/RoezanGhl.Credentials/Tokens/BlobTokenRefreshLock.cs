using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Storage;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// The refresh lock as a blob lease per location (an empty blob <c>ghl-token-{locationId}</c> in the lease
/// container). The lease is renewed while held and released on dispose; after a crash it lapses within the
/// lease duration, so no location stays locked. A renewal refused (the lease was taken over) or failing for longer than
/// the lease lasts marks the held lease as lost (<see cref="ITokenRefreshLease.Lost"/>).
/// </summary>
public sealed partial class BlobTokenRefreshLock : ITokenRefreshLock
{
    private readonly BlobContainerClient _container;
    private readonly TimeSpan _leaseDuration;
    private readonly TimeSpan _waitTimeout;
    private readonly TimeSpan _pollInterval;
    private readonly TimeProvider _time;
    private readonly ILogger<BlobTokenRefreshLock> _logger;
    private readonly RunOnce _created;

    public BlobTokenRefreshLock(BlobContainerClient container, GhlOAuthOptions options, TimeProvider time, ILogger<BlobTokenRefreshLock> logger)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _container = container;
        _leaseDuration = options.LeaseDuration;
        _waitTimeout = options.LeaseWaitTimeout;
        _pollInterval = options.LeasePollInterval;
        _time = time;
        _logger = logger;
        _created = new RunOnce(() => _container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
    }

    public async Task<ITokenRefreshLease> AcquireAsync(string locationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var blob = _container.GetBlobClient(SecretNames.GhlToken(locationId));
        var lease = blob.GetBlobLeaseClient();
        var deadline = _time.GetUtcNow() + _waitTimeout;
        var waited = false;
        while (true)
        {
            try
            {
                await lease.AcquireAsync(_leaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
                return new Held(lease, _leaseDuration, _time, _logger, locationId);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                await CreateBlobAsync(blob, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Another instance holds it: it is refreshing this location now.
            }

            if (_time.GetUtcNow() >= deadline)
            {
                throw new TimeoutException($"The token refresh lease of GHL location '{locationId}' stayed taken for {_waitTimeout:c}; retry later.");
            }

            if (!waited)
            {
                LogWaiting(_logger, locationId);
                waited = true;
            }

            await Task.Delay(_pollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CreateBlobAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
            await blob.UploadAsync(BinaryData.Empty, options, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another instance created it first.
        }
    }

    [LoggerMessage(EventId = 4040, EventName = "TokenLeaseWaiting", Level = LogLevel.Debug,
        Message = "Waiting for another instance to finish refreshing the token of GHL location {LocationId}")]
    private static partial void LogWaiting(ILogger logger, string locationId);

    [LoggerMessage(EventId = 4041, EventName = "TokenLeaseReleaseFailed", Level = LogLevel.Warning,
        Message = "Could not release the token refresh lease of GHL location {LocationId}; it lapses by itself")]
    private static partial void LogReleaseFailed(ILogger logger, string locationId, Exception exception);

    [LoggerMessage(EventId = 4042, EventName = "TokenLeaseRenewFailed", Level = LogLevel.Warning,
        Message = "Could not renew the token refresh lease of GHL location {LocationId}")]
    private static partial void LogRenewFailed(ILogger logger, string locationId, Exception exception);

    [LoggerMessage(EventId = 4043, EventName = "TokenLeaseLost", Level = LogLevel.Error,
        Message = "The token refresh lease of GHL location {LocationId} was lost while held; a refresh not yet sent is stopped")]
    private static partial void LogLost(ILogger logger, string locationId, Exception exception);

    /// <summary>A held lease, renewed in the background at a third of its duration until disposed.</summary>
    private sealed class Held : ITokenRefreshLease
    {
        private readonly BlobLeaseClient _lease;
        private readonly ILogger _logger;
        private readonly string _locationId;
        private readonly TimeSpan _duration;
        private readonly CancellationTokenSource _stop = new();
        private readonly CancellationTokenSource _lost = new();
        private readonly Task _renewing;

        public Held(BlobLeaseClient lease, TimeSpan duration, TimeProvider time, ILogger logger, string locationId)
        {
            _lease = lease;
            _logger = logger;
            _locationId = locationId;
            _duration = duration;
            _renewing = RenewAsync(duration / 3, time);
        }

        public CancellationToken Lost => _lost.Token;

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _renewing.ConfigureAwait(false);
            _stop.Dispose();
            _lost.Dispose();
            try
            {
                await _lease.ReleaseAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
            catch (RequestFailedException ex)
            {
                LogReleaseFailed(_logger, _locationId, ex);
            }
        }

        private async Task RenewAsync(TimeSpan interval, TimeProvider time)
        {
            var renewedAt = time.GetUtcNow();
            try
            {
                while (!_lost.IsCancellationRequested)
                {
                    await Task.Delay(interval, time, _stop.Token).ConfigureAwait(false);
                    try
                    {
                        await _lease.RenewAsync(cancellationToken: _stop.Token).ConfigureAwait(false);
                        renewedAt = time.GetUtcNow();
                    }
                    catch (RequestFailedException ex) when (ex.Status is 409 or 412 || time.GetUtcNow() - renewedAt >= _duration)
                    {
                        // Taken over, or not renewed for as long as it lasts: someone else may hold it now.
                        LogLost(_logger, _locationId, ex);
                        await _lost.CancelAsync().ConfigureAwait(false);
                    }
                    catch (RequestFailedException ex)
                    {
                        LogRenewFailed(_logger, _locationId, ex);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Disposed: the lease is released next.
            }
        }
    }
}
