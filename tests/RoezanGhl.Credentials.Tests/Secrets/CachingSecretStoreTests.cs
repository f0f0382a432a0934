using Microsoft.Extensions.Time.Testing;
using Moq;
using RoezanGhl.Credentials.Secrets;

namespace RoezanGhl.Credentials.Tests.Secrets;

public sealed class CachingSecretStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly Mock<ISecretStore> _inner = new();
    private int _reads;

    public CachingSecretStoreTests() =>
        _inner.Setup(s => s.GetSecretAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => $"test-secret-{Interlocked.Increment(ref _reads)}");

    [Fact]
    public async Task A_second_read_within_the_cache_time_is_served_from_the_cache()
    {
        var store = new CachingSecretStore(_inner.Object, TimeSpan.FromSeconds(30), _time);

        var first = await store.GetSecretAsync("roezan-webhook-secret-a", bypassCache: false, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(29));
        var second = await store.GetSecretAsync("roezan-webhook-secret-a", bypassCache: false, CancellationToken.None);

        Assert.Equal("test-secret-1", first);
        Assert.Equal(first, second);
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task A_read_after_the_cache_time_goes_to_the_store()
    {
        var store = new CachingSecretStore(_inner.Object, TimeSpan.FromSeconds(30), _time);
        await store.GetSecretAsync("roezan-webhook-secret-a", bypassCache: false, CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal("test-secret-2", await store.GetSecretAsync("roezan-webhook-secret-a", bypassCache: false, CancellationToken.None));
    }

    [Fact]
    public async Task Bypass_reads_the_store_and_refreshes_the_cache()
    {
        var store = new CachingSecretStore(_inner.Object, TimeSpan.FromSeconds(30), _time);
        await store.GetSecretAsync("roezan-webhook-secret-a", bypassCache: false, CancellationToken.None);

        var bypassed = await store.GetSecretAsync("roezan-webhook-secret-a", bypassCache: true, CancellationToken.None);
        var cached = await store.GetSecretAsync("roezan-webhook-secret-a", bypassCache: false, CancellationToken.None);

        Assert.Equal("test-secret-2", bypassed);
        Assert.Equal("test-secret-2", cached);
    }

    [Fact]
    public async Task Concurrent_misses_for_one_name_share_one_read()
    {
        var release = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new Mock<ISecretStore>();
        var reads = 0;
        slow.Setup(s => s.GetSecretAsync("ghl-token-loc-1", true, It.IsAny<CancellationToken>()))
            .Returns(() => { Interlocked.Increment(ref reads); return release.Task; });
        var store = new CachingSecretStore(slow.Object, TimeSpan.FromSeconds(30), _time);

        var readers = Enumerable.Range(0, 10).Select(_ => store.GetSecretAsync("ghl-token-loc-1", bypassCache: false, CancellationToken.None)).ToArray();
        release.SetResult("pit-test-token-a");
        var values = await Task.WhenAll(readers);

        Assert.Equal(1, reads);
        Assert.All(values, v => Assert.Equal("pit-test-token-a", v));
    }

    [Fact]
    public async Task A_failed_read_is_not_cached()
    {
        var flaky = new Mock<ISecretStore>();
        flaky.SetupSequence(s => s.GetSecretAsync("ghl-token-loc-1", true, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("vault unavailable (test)"))
            .ReturnsAsync("pit-test-token-a");
        var store = new CachingSecretStore(flaky.Object, TimeSpan.FromSeconds(30), _time);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetSecretAsync("ghl-token-loc-1", bypassCache: false, CancellationToken.None));

        Assert.Equal("pit-test-token-a", await store.GetSecretAsync("ghl-token-loc-1", bypassCache: false, CancellationToken.None));
    }

    [Fact]
    public async Task A_write_goes_to_the_store_and_is_read_back_from_the_cache()
    {
        var store = new CachingSecretStore(_inner.Object, TimeSpan.FromSeconds(30), _time);
        await store.GetSecretAsync("ghl-token-loc-1", bypassCache: false, CancellationToken.None);

        await store.SetSecretAsync("ghl-token-loc-1", "pit-test-token-b", CancellationToken.None);

        Assert.Equal("pit-test-token-b", await store.GetSecretAsync("ghl-token-loc-1", bypassCache: false, CancellationToken.None));
        _inner.Verify(s => s.SetSecretAsync("ghl-token-loc-1", "pit-test-token-b", It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(1, _reads);
    }

    [Fact]
    public async Task A_missing_secret_is_cached_as_missing_too()
    {
        var empty = new Mock<ISecretStore>();
        var reads = 0;
        empty.Setup(s => s.GetSecretAsync("roezan-webhook-secret-x", true, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => { Interlocked.Increment(ref reads); return null; });
        var store = new CachingSecretStore(empty.Object, TimeSpan.FromSeconds(30), _time);

        Assert.Null(await store.GetSecretAsync("roezan-webhook-secret-x", bypassCache: false, CancellationToken.None));
        Assert.Null(await store.GetSecretAsync("roezan-webhook-secret-x", bypassCache: false, CancellationToken.None));
        Assert.Equal(1, reads);
    }
}
