using Microsoft.Extensions.Logging.Testing;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Time;

namespace RoezanGhl.Credentials.Tests.Tokens;

[IntegrationLane]
public sealed class BlobTokenRefreshLockTests
{
    private readonly AzuriteTokenStorage _storage = new();
    private readonly FakeLogCollector _logs = new();

    [Fact]
    public async Task A_second_holder_waits_until_the_first_releases()
    {
        var hostA = _storage.NewLock(_logs);
        var hostB = _storage.NewLock(_logs);
        var first = await hostA.AcquireAsync("loc-lease-1", CancellationToken.None);

        var second = hostB.AcquireAsync("loc-lease-1", CancellationToken.None);
        // Whichever comes first: host B finding the lease taken (it logs that it waits) or holding it too.
        await Task.WhenAny(second, Gate.UntilAsync(() => _logs.GetSnapshot().Any(record => record.Id.Name == "TokenLeaseWaiting"), "host B waiting for the lease"));
        Assert.False(second.IsCompleted, "Two holders had the lease at once.");
        Assert.Contains(_logs.GetSnapshot(), record => record.Id.Name == "TokenLeaseWaiting");

        await first.DisposeAsync();
        await using var held = await second.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Locations_do_not_wait_for_each_other()
    {
        var hostA = _storage.NewLock(_logs);
        await using var first = await hostA.AcquireAsync("loc-lease-1", CancellationToken.None);

        await using var other = await _storage.NewLock(_logs).AcquireAsync("loc-lease-2", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Waiting_longer_than_the_timeout_gives_up_with_a_timeout()
    {
        await using var first = await _storage.NewLock(_logs).AcquireAsync("loc-lease-1", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => _storage.NewLock(_logs, TimeSpan.FromMilliseconds(300)).AcquireAsync("loc-lease-1", CancellationToken.None));

        Assert.Contains("loc-lease-1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lease_is_renewed_while_held()
    {
        // 15 s is the shortest lease Blob storage grants; the holder renews every 5 s.
        await using var held = await _storage.NewLock(_logs).AcquireAsync("loc-lease-renew", CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(17));

        await Assert.ThrowsAsync<TimeoutException>(() => _storage.NewLock(_logs, TimeSpan.FromMilliseconds(200)).AcquireAsync("loc-lease-renew", CancellationToken.None));
    }
}
