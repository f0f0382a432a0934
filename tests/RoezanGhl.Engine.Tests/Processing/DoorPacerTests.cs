using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Sync;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Ghl.Configuration;
using RoezanGhl.Ghl.RateLimiting;

namespace RoezanGhl.Engine.Tests.Processing;

/// <summary>
/// Pacing at the door: a location's events beyond the lead are queued invisible until shortly before their turn in the
/// location's permit schedule; other locations, Roezan-bound events and unknown accounts are not.
/// </summary>
public sealed class DoorPacerTests : IDisposable
{
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(2);

    // 10 requests per 10 s, no safety margin: at one call per event, one event a second.
    private static readonly IOptions<GhlOptions> Ghl = Options.Create(new GhlOptions { RateLimitMaxRequests = 10, RateLimitInterval = TimeSpan.FromSeconds(10), RateLimitSafetyMargin = TimeSpan.Zero });

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly GhlRateLimiter _limiter;
    private int _ids;

    public DoorPacerTests()
    {
        _limiter = new GhlRateLimiter(Ghl, _time);
    }

    public void Dispose() => _limiter.Dispose();

    [Fact]
    public void Events_within_the_lead_are_visible_at_once_and_the_later_ones_wait_for_their_turn_less_the_lead()
    {
        var pacer = Pacer();

        var delays = Enumerable.Range(0, 6).Select(_ => pacer.DelayFor(NextId(), "acct-a", SyncDirection.RoezanToGhl)).ToList();

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)], delays);
    }

    [Fact]
    public void A_quiet_location_is_not_delayed_while_its_neighbour_is_paced()
    {
        var pacer = Pacer();
        for (var i = 0; i < 50; i++)
        {
            pacer.DelayFor(NextId(), "acct-a", SyncDirection.RoezanToGhl);
        }

        Assert.True(pacer.DelayFor(NextId(), "acct-a", SyncDirection.RoezanToGhl) > TimeSpan.FromSeconds(45));
        Assert.Equal(TimeSpan.Zero, pacer.DelayFor(NextId(), "acct-quiet", SyncDirection.RoezanToGhl));
    }

    [Fact]
    public void Once_the_location_has_caught_up_its_next_event_is_visible_at_once()
    {
        var pacer = Pacer();
        for (var i = 0; i < 10; i++)
        {
            pacer.DelayFor(NextId(), "acct-a", SyncDirection.RoezanToGhl);
        }

        _time.Advance(TimeSpan.FromSeconds(8.5));
        Assert.Equal(TimeSpan.Zero, pacer.DelayFor(NextId(), "acct-a", SyncDirection.RoezanToGhl));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, pacer.DelayFor(NextId(), "acct-a", SyncDirection.RoezanToGhl));
    }

    [Fact]
    public void Events_bound_for_roezan_of_unknown_accounts_or_with_pacing_off_are_never_delayed()
    {
        var pacer = Pacer();
        var off = Pacer(paceAtDoor: false);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(TimeSpan.Zero, pacer.DelayFor(NextId(), "acct-a", SyncDirection.GhlToRoezan));
            Assert.Equal(TimeSpan.Zero, pacer.DelayFor(NextId(), "acct-unknown", SyncDirection.RoezanToGhl));
            Assert.Equal(TimeSpan.Zero, off.DelayFor(NextId(), "acct-a", SyncDirection.RoezanToGhl));
        }
    }

    private DoorPacer Pacer(bool paceAtDoor = true)
    {
        var accounts = new RoezanOptions();
        accounts.Accounts["acct-a"] = new RoezanAccountOptions { GhlLocationId = "loc-a" };
        accounts.Accounts["acct-quiet"] = new RoezanAccountOptions { GhlLocationId = "loc-quiet" };
        var schedule = new PermitSchedule(_limiter, Ghl, Options.Create(accounts), _time);
        return new DoorPacer(schedule, Options.Create(new LocationAdmissionOptions { DoorLead = Lead, PaceAtDoor = paceAtDoor }), Options.Create(accounts));
    }

    private string NextId() => "evt-" + _ids++.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
