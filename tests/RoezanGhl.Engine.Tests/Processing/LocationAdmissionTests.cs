using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Sync;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Configuration;
using RoezanGhl.Ghl.RateLimiting;

namespace RoezanGhl.Engine.Tests.Processing;

/// <summary>
/// Admission before work: a delivery for a spent GHL location goes back to the queue for the limiter's expected wait,
/// a location with budget is admitted, and no location holds more than its share of the slots while another is busy.
/// </summary>
public sealed class LocationAdmissionTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly GhlRateLimiter _limiter;
    private readonly LocationAdmission _admission;

    public LocationAdmissionTests()
    {
        _limiter = new GhlRateLimiter(Options.Create(new GhlOptions { RateLimitMaxRequests = 2, RateLimitInterval = Window, RateLimitSafetyMargin = TimeSpan.Zero }), _time);
        _admission = new LocationAdmission(_limiter, Options.Create(new LocationAdmissionOptions { MaxWait = TimeSpan.FromSeconds(1), ProcessingSlots = 4 }), _time);
    }

    public void Dispose() => _limiter.Dispose();

    [Fact]
    public async Task A_delivery_for_a_spent_location_is_put_back_for_the_limiters_wait_and_holds_no_slot()
    {
        await SpendAsync("loc-a");
        _time.Advance(TimeSpan.FromSeconds(2));
        KeepBusy("loc-b");

        using var ticket = _admission.Admit(Delivery("evt-1", "loc-a"));

        var putBack = Assert.IsType<EventVerdict>(ticket.Verdict);
        Assert.Equal(EventVerdictKind.PutBack, putBack.Kind);
        Assert.Equal(TimeSpan.FromSeconds(8), _limiter.ExpectedWait("loc-a"));
        Assert.InRange(putBack.Delay, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7.5));
        Assert.Contains("no permit for 8.0 s", putBack.Reason, StringComparison.Ordinal);
        Assert.Equal(4, _admission.ShareFor("loc-b"));
    }

    [Fact]
    public async Task Copies_put_back_one_after_another_are_due_a_window_apart_once_a_window_is_spoken_for()
    {
        await SpendAsync("loc-a");
        KeepBusy("loc-b");

        var delays = Enumerable.Range(1, 4).Select(i =>
        {
            using var ticket = _admission.Admit(Delivery($"evt-{i}", "loc-a"));
            return ticket.Verdict!.Delay;
        }).ToList();

        // Two permits a window: the first two copies wait for this window's permits, the next two for the next window's;
        // each comes back between MaxWait and half of it early.
        Assert.All(delays.Take(2), delay => Assert.InRange(delay, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(9.5)));
        Assert.All(delays.Skip(2), delay => Assert.InRange(delay, TimeSpan.FromSeconds(19), TimeSpan.FromSeconds(19.5)));
    }

    [Fact]
    public async Task A_long_backlog_put_back_is_spread_two_copies_a_window_to_its_end_not_bunched()
    {
        await SpendAsync("loc-a");
        KeepBusy("loc-b");

        var delays = Enumerable.Range(1, 30).Select(i =>
        {
            using var ticket = _admission.Admit(Delivery($"evt-{i}", "loc-a"));
            return ticket.Verdict!.Delay;
        }).ToList();
        var last = delays[^1];

        Assert.InRange(last, TimeSpan.FromSeconds(149), TimeSpan.FromSeconds(149.5));
    }

    [Fact]
    public async Task A_spent_location_alone_waits_for_its_permit_in_its_slot_rather_than_on_the_queue()
    {
        await SpendAsync("loc-a");

        using var alone = _admission.Admit(Delivery("evt-1", "loc-a"));
        KeepBusy("loc-b");
        using var withNeighbour = _admission.Admit(Delivery("evt-2", "loc-a"));

        Assert.True(_limiter.ExpectedWait("loc-a") > TimeSpan.FromSeconds(1));
        Assert.Null(alone.Verdict);
        Assert.Equal(EventVerdictKind.PutBack, withNeighbour.Verdict?.Kind);
    }

    [Fact]
    public async Task A_location_whose_permit_is_due_within_the_max_wait_is_admitted()
    {
        await SpendAsync("loc-a");
        _time.Advance(Window - TimeSpan.FromMilliseconds(900));

        using var ticket = _admission.Admit(Delivery("evt-1", "loc-a"));

        Assert.Null(ticket.Verdict);
    }

    [Fact]
    public async Task A_fresh_location_is_admitted_while_its_neighbour_is_spent()
    {
        await SpendAsync("loc-a");

        using var fresh = _admission.Admit(Delivery("evt-b", "loc-b"));

        Assert.Null(fresh.Verdict);
        Assert.Equal(TimeSpan.Zero, _limiter.ExpectedWait("loc-b"));
    }

    [Fact]
    public void Alone_a_location_may_hold_every_slot_but_with_a_busy_neighbour_only_its_share()
    {
        var held = Enumerable.Range(1, 4).Select(i => _admission.Admit(Delivery($"evt-a{i}", "loc-a"))).ToList();
        Assert.All(held, ticket => Assert.Null(ticket.Verdict));

        // The neighbour arrives: it gets a slot, and location a may not take another until it is under its share.
        using var neighbour = _admission.Admit(Delivery("evt-b1", "loc-b"));
        using var overShare = _admission.Admit(Delivery("evt-a5", "loc-a"));
        held[0].Dispose();
        held[1].Dispose();
        using var stillOver = _admission.Admit(Delivery("evt-a6", "loc-a"));
        held[2].Dispose();
        using var underShare = _admission.Admit(Delivery("evt-a7", "loc-a"));

        Assert.Null(neighbour.Verdict);
        Assert.Equal(2, _admission.ShareFor("loc-a"));
        Assert.Contains("holds its share of 2 processing slots", overShare.Verdict?.Reason, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), overShare.Verdict!.Delay);
        Assert.NotNull(stillOver.Verdict);
        Assert.Null(underShare.Verdict);
        held[3].Dispose();
    }

    [Fact]
    public async Task A_spent_neighbour_does_not_shrink_a_locations_share()
    {
        await SpendAsync("loc-b");
        using var spent = _admission.Admit(Delivery("evt-b1", "loc-b"));

        Assert.True(_limiter.ExpectedWait("loc-b") > TimeSpan.FromSeconds(1));
        Assert.Equal(4, _admission.ShareFor("loc-a"));
    }

    [Fact]
    public void A_neighbour_quiet_for_longer_than_a_few_polls_no_longer_shrinks_the_share()
    {
        using (_admission.Admit(Delivery("evt-b1", "loc-b")))
        {
            Assert.Equal(2, _admission.ShareFor("loc-a"));
        }

        _time.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(4, _admission.ShareFor("loc-a"));
    }

    [Fact]
    public async Task An_event_bound_for_roezan_is_not_admitted_against_a_ghl_location()
    {
        await SpendAsync("loc-a");

        using var ticket = _admission.Admit(Delivery("evt-g", "loc-a", SyncDirection.GhlToRoezan));

        Assert.Same(AdmissionTicket.Unlimited, ticket);
    }

    // A delivery of the location came in just now: it counts as busy (with budget) for the next few seconds.
    private void KeepBusy(string locationId) => _admission.Admit(Delivery("evt-busy-" + locationId, locationId)).Dispose();

    // Takes the location's two permits and answers both at once: the next permit is due one window from now.
    private async Task SpendAsync(string locationId)
    {
        for (var i = 0; i < 2; i++)
        {
            (await _limiter.AcquireAsync(locationId, GhlRequestPriority.Normal, CancellationToken.None)).Dispose();
        }
    }

    private static EventDelivery Delivery(string eventId, string locationId, SyncDirection? direction = null) =>
        AdmissionDeliveries.For(eventId, locationId, direction);
}
