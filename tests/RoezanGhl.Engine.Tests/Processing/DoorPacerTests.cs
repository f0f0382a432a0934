using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Sync;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Ghl.Configuration;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Tests.Processing;

/// <summary>
/// Pacing at the door: a location's events beyond the lead are queued invisible until shortly before their turn at
/// GHL's limit, at the calls its events have cost; other locations, Roezan-bound events and unknown accounts are not.
/// </summary>
public sealed class DoorPacerTests
{
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(2);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Events_within_the_lead_are_visible_at_once_and_the_later_ones_wait_for_their_turn_less_the_lead()
    {
        // 10 requests per 10 s: at one call per event, one event a second.
        var pacer = Pacer();

        var delays = Enumerable.Range(0, 6).Select(_ => pacer.DelayFor("acct-a", SyncDirection.RoezanToGhl)).ToList();

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)], delays);
    }

    [Fact]
    public void A_quiet_location_is_not_delayed_while_its_neighbour_is_paced()
    {
        var pacer = Pacer();
        for (var i = 0; i < 50; i++)
        {
            pacer.DelayFor("acct-a", SyncDirection.RoezanToGhl);
        }

        Assert.True(pacer.DelayFor("acct-a", SyncDirection.RoezanToGhl) > TimeSpan.FromSeconds(45));
        Assert.Equal(TimeSpan.Zero, pacer.DelayFor("acct-quiet", SyncDirection.RoezanToGhl));
    }

    [Fact]
    public void Once_the_location_has_caught_up_its_next_event_is_visible_at_once()
    {
        var pacer = Pacer();
        for (var i = 0; i < 10; i++)
        {
            pacer.DelayFor("acct-a", SyncDirection.RoezanToGhl);
        }

        _time.Advance(TimeSpan.FromSeconds(8.5));
        Assert.Equal(TimeSpan.Zero, pacer.DelayFor("acct-a", SyncDirection.RoezanToGhl));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, pacer.DelayFor("acct-a", SyncDirection.RoezanToGhl));
    }

    [Fact]
    public void The_pace_follows_the_calls_the_locations_events_cost()
    {
        var pacer = Pacer();
        for (var i = 0; i < 200; i++)
        {
            pacer.OnOutcome(Outcome("acct-a", EventOutcomeKind.Applied, stepsRun: 2));
        }

        Assert.InRange(pacer.CallsPerEvent("loc-a"), 1.99, 2.0);
        var delays = Enumerable.Range(0, 4).Select(_ => pacer.DelayFor("acct-a", SyncDirection.RoezanToGhl)).ToList();
        Assert.InRange(delays[3], TimeSpan.FromSeconds(3.99), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void Coalesced_and_skipped_events_make_the_pace_faster_but_never_below_half_a_call()
    {
        var pacer = Pacer();
        for (var i = 0; i < 200; i++)
        {
            pacer.OnOutcome(Outcome("acct-a", EventOutcomeKind.AlreadyDone, stepsRun: 0));
        }

        Assert.Equal(0.5, pacer.CallsPerEvent("loc-a"), precision: 6);
    }

    [Fact]
    public void Put_backs_retries_and_roezan_bound_outcomes_teach_nothing()
    {
        var pacer = Pacer();
        pacer.OnOutcome(Outcome("acct-a", EventOutcomeKind.Requeued, stepsRun: 0));
        pacer.OnOutcome(Outcome("acct-a", EventOutcomeKind.Retried, stepsRun: 3));
        pacer.OnOutcome(Outcome("acct-a", EventOutcomeKind.Applied, stepsRun: 3) with { Direction = SyncDirection.GhlToRoezan });

        Assert.Equal(1, pacer.CallsPerEvent("loc-a"));
    }

    [Fact]
    public void Events_bound_for_roezan_of_unknown_accounts_or_with_pacing_off_are_never_delayed()
    {
        var pacer = Pacer();
        var off = Pacer(paceAtDoor: false);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(TimeSpan.Zero, pacer.DelayFor("acct-a", SyncDirection.GhlToRoezan));
            Assert.Equal(TimeSpan.Zero, pacer.DelayFor("acct-unknown", SyncDirection.RoezanToGhl));
            Assert.Equal(TimeSpan.Zero, off.DelayFor("acct-a", SyncDirection.RoezanToGhl));
        }
    }

    private static EventOutcome Outcome(string accountId, EventOutcomeKind kind, int stepsRun) => new()
    {
        EventId = "evt-1",
        AccountId = accountId,
        Direction = SyncDirection.RoezanToGhl,
        Kind = kind,
        Status = EventLedgerStatus.Applied,
        StepsRun = stepsRun,
    };

    private DoorPacer Pacer(bool paceAtDoor = true)
    {
        var accounts = new RoezanOptions();
        accounts.Accounts["acct-a"] = new RoezanAccountOptions { GhlLocationId = "loc-a" };
        accounts.Accounts["acct-quiet"] = new RoezanAccountOptions { GhlLocationId = "loc-quiet" };
        return new DoorPacer(
            Options.Create(new GhlOptions { RateLimitMaxRequests = 10, RateLimitInterval = TimeSpan.FromSeconds(10) }),
            Options.Create(new LocationAdmissionOptions { DoorLead = Lead, PaceAtDoor = paceAtDoor }),
            Options.Create(accounts),
            _time);
    }
}
