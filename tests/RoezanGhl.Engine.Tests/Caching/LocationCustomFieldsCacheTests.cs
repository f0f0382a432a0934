using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Engine.Caching;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Engine.Tests.Caching;

public sealed class LocationCustomFieldsCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingGhl _ghl = new();
    private readonly LocationCustomFieldsCache _cache;

    public LocationCustomFieldsCacheTests() => _cache = new LocationCustomFieldsCache(_ghl, _time);

    [Fact]
    public async Task A_second_read_within_the_time_to_live_does_not_call_ghl()
    {
        var first = await _cache.GetAsync("loc-1", 3, CancellationToken.None);
        _time.Advance(LocationCustomFieldsCache.TimeToLive - TimeSpan.FromSeconds(1));
        var second = await _cache.GetAsync("loc-1", 3, CancellationToken.None);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Same(first.Fields, second.Fields);
        Assert.Equal(1, _ghl.Calls);
    }

    [Fact]
    public async Task The_list_expires_after_its_time_to_live()
    {
        await _cache.GetAsync("loc-1", 3, CancellationToken.None);
        _time.Advance(LocationCustomFieldsCache.TimeToLive);

        Assert.False((await _cache.GetAsync("loc-1", 3, CancellationToken.None)).FromCache);
        Assert.Equal(2, _ghl.Calls);
    }

    [Fact]
    public async Task A_saved_mapping_version_reads_the_list_again()
    {
        await _cache.GetAsync("loc-1", 3, CancellationToken.None);

        Assert.False((await _cache.GetAsync("loc-1", 4, CancellationToken.None)).FromCache);
        Assert.Equal(2, _ghl.Calls);
    }

    [Fact]
    public async Task A_dropped_or_failed_read_keeps_nothing()
    {
        await _cache.GetAsync("loc-1", 3, CancellationToken.None);
        _cache.Drop("loc-1");
        _ghl.Fail = true;

        await Assert.ThrowsAsync<HttpRequestException>(() => _cache.GetAsync("loc-1", 3, CancellationToken.None));
        _ghl.Fail = false;
        Assert.False((await _cache.GetAsync("loc-1", 3, CancellationToken.None)).FromCache);
        Assert.Equal(3, _ghl.Calls);
    }

    [Fact]
    public async Task Locations_are_cached_apart()
    {
        await _cache.GetAsync("loc-1", 3, CancellationToken.None);

        Assert.False((await _cache.GetAsync("loc-2", 3, CancellationToken.None)).FromCache);
        Assert.True((await _cache.GetAsync("loc-1", 3, CancellationToken.None)).FromCache);
    }

    private sealed class CountingGhl : GhlContactsClient
    {
        public int Calls { get; private set; }

        public bool Fail { get; set; }

        public override Task<IReadOnlyList<GhlCustomFieldDefinition>> GetContactCustomFieldsAsync(string locationId, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Fail
                ? Task.FromException<IReadOnlyList<GhlCustomFieldDefinition>>(new HttpRequestException("GHL did not answer"))
                : Task.FromResult<IReadOnlyList<GhlCustomFieldDefinition>>([new GhlCustomFieldDefinition { Id = "f1", FieldKey = "contact.plan", Name = "Plan" }]);
        }
    }
}
