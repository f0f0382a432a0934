using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Storage.Leases;
using RoezanGhl.Storage.Links;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Storage.Tests.Links;

[IntegrationLane]
public sealed class LeaseStoreTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero));
    private readonly LeaseStore _leases;
    private readonly CancellationToken _ct = CancellationToken.None;

    public LeaseStoreTests()
    {
        _leases = new LeaseStore(LinksTableFixture.Create(), _time);
    }

    [Fact]
    public async Task Second_event_cannot_take_a_key_the_first_holds()
    {
        Assert.True((await _leases.TryAcquireAsync("loc-1", ["phone:+12015550123"], "evt_a", Minute, _ct)).Acquired);

        var second = await _leases.TryAcquireAsync("loc-1", ["phone:+12015550123"], "evt_b", Minute, _ct);

        Assert.False(second.Acquired);
        Assert.Equal("evt_a", second.HeldBy);
        Assert.Equal("phone:+12015550123", second.BlockingKey);
        Assert.Equal(_time.GetUtcNow() + Minute, second.HeldUntil);
    }

    [Fact]
    public async Task Holder_gets_its_own_lease_again_after_a_redelivery()
    {
        await _leases.TryAcquireAsync("loc-1", ["contact:ghl-1"], "evt_a", Minute, _ct);

        Assert.True((await _leases.TryAcquireAsync("loc-1", ["contact:ghl-1"], "evt_a", Minute, _ct)).Acquired);
    }

    [Fact]
    public async Task Expired_lease_is_taken_over()
    {
        await _leases.TryAcquireAsync("loc-1", ["contact:ghl-1"], "evt_a", Minute, _ct);
        _time.Advance(Minute + TimeSpan.FromSeconds(1));

        Assert.True((await _leases.TryAcquireAsync("loc-1", ["contact:ghl-1"], "evt_b", Minute, _ct)).Acquired);
        Assert.False((await _leases.TryAcquireAsync("loc-1", ["contact:ghl-1"], "evt_a", Minute, _ct)).Acquired);
    }

    [Fact]
    public async Task Released_key_is_free_and_release_by_another_event_does_nothing()
    {
        await _leases.TryAcquireAsync("loc-1", ["k"], "evt_a", Minute, _ct);

        await _leases.ReleaseAsync("loc-1", ["k"], "evt_b", _ct);
        Assert.False((await _leases.TryAcquireAsync("loc-1", ["k"], "evt_c", Minute, _ct)).Acquired);

        await _leases.ReleaseAsync("loc-1", ["k"], "evt_a", _ct);
        Assert.True((await _leases.TryAcquireAsync("loc-1", ["k"], "evt_c", Minute, _ct)).Acquired);
    }

    [Fact]
    public async Task Failing_on_one_key_gives_back_the_keys_taken_by_the_same_call()
    {
        await _leases.TryAcquireAsync("loc-1", ["phone:+1"], "evt_a", Minute, _ct);

        var blocked = await _leases.TryAcquireAsync("loc-1", ["email:x@example.com", "phone:+1"], "evt_b", Minute, _ct);

        Assert.False(blocked.Acquired);
        Assert.True((await _leases.TryAcquireAsync("loc-1", ["email:x@example.com"], "evt_c", Minute, _ct)).Acquired);
    }

    [Fact]
    public async Task Many_racing_events_leave_exactly_one_holder()
    {
        var attempts = Enumerable.Range(0, 12)
            .Select(i => _leases.TryAcquireAsync("loc-1", ["phone:+12015550123", "roezan:acct-1:c_1"], $"evt_{i}", Minute, _ct))
            .ToList();

        var results = await Task.WhenAll(attempts);

        Assert.Single(results, result => result.Acquired);
    }

    [Fact]
    public async Task Giving_back_a_lease_this_instance_took_is_one_conditional_delete()
    {
        var log = new StorageRequestLog();
        var table = LoggedTable(log);
        var leases = new LeaseStore(new LinksTable(table), _time);
        await leases.TryAcquireAsync("loc-1", ["contact:ghl-1"], "evt_a", Minute, _ct);
        log.Clear();

        await leases.ReleaseAsync("loc-1", ["contact:ghl-1"], "evt_a", _ct);

        Assert.Equal("DELETE", Assert.Single(log.Requests).Split(' ')[0]);
        Assert.True((await leases.TryAcquireAsync("loc-1", ["contact:ghl-1"], "evt_b", Minute, _ct)).Acquired);
    }

    [Fact]
    public async Task A_lease_renewed_by_another_instance_is_still_given_back_by_its_owner()
    {
        var (first, second) = TwoInstancesOnOneTable();
        await first.TryAcquireAsync("loc-1", ["contact:ghl-1"], "evt_a", Minute, _ct);
        await second.TryAcquireAsync("loc-1", ["contact:ghl-1"], "evt_a", Minute, _ct);

        // The first instance's ETag is stale: its delete is refused, and it reads the row, still evt_a's, to give it back.
        await first.ReleaseAsync("loc-1", ["contact:ghl-1"], "evt_a", _ct);

        Assert.True((await first.TryAcquireAsync("loc-1", ["contact:ghl-1"], "evt_b", Minute, _ct)).Acquired);
    }

    [Fact]
    public async Task A_lease_taken_over_after_it_expired_is_not_given_back_by_its_old_owner()
    {
        var (first, second) = TwoInstancesOnOneTable();
        await first.TryAcquireAsync("loc-1", ["contact:ghl-1"], "evt_a", Minute, _ct);
        _time.Advance(Minute + TimeSpan.FromSeconds(1));
        Assert.True((await second.TryAcquireAsync("loc-1", ["contact:ghl-1"], "evt_b", Minute, _ct)).Acquired);

        await first.ReleaseAsync("loc-1", ["contact:ghl-1"], "evt_a", _ct);

        var third = await first.TryAcquireAsync("loc-1", ["contact:ghl-1"], "evt_c", Minute, _ct);
        Assert.False(third.Acquired);
        Assert.Equal("evt_b", third.HeldBy);
    }

    // Two app instances: each its own LeaseStore (and its own ETags), one links table.
    private (LeaseStore First, LeaseStore Second) TwoInstancesOnOneTable()
    {
        var table = LoggedTable(new StorageRequestLog());
        return (new LeaseStore(new LinksTable(table), _time), new LeaseStore(new LinksTable(table), _time));
    }

    private static TableClient LoggedTable(StorageRequestLog log)
    {
        Azurite.EnsureRunning();
        var options = new TableClientOptions();
        options.AddPolicy(log, HttpPipelinePosition.PerCall);
        return new TableClient(Azurite.ConnectionString, "leases" + Guid.NewGuid().ToString("N")[..16], options);
    }
}
