using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Sync;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Configuration;
using RoezanGhl.Ghl.RateLimiting;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Tests.Processing;

/// <summary>
/// The permit schedule: turns read from the GHL rate limiter's own permit log behind the turns reserved before them,
/// given back when their event is admitted or settled, moved (keeping their place) when their event woke early, and
/// spaced at the calls the location's events cost.
/// </summary>
public sealed class PermitScheduleTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly GhlRateLimiter _limiter;
    private readonly PermitSchedule _schedule;

    public PermitScheduleTests()
    {
        // 10 requests per 10 s, no safety margin: at one call per event, one event a second.
        var ghl = Options.Create(new GhlOptions { RateLimitMaxRequests = 10, RateLimitInterval = Window, RateLimitSafetyMargin = TimeSpan.Zero });
        _limiter = new GhlRateLimiter(ghl, _time);
        var accounts = new RoezanOptions();
        accounts.Accounts["acct-a"] = new RoezanAccountOptions { GhlLocationId = "loc-a" };
        _schedule = new PermitSchedule(_limiter, ghl, Options.Create(accounts), _time);
    }

    public void Dispose() => _limiter.Dispose();

    [Fact]
    public async Task Permits_the_limiter_has_already_granted_push_the_next_turn_to_when_they_leave_its_window()
    {
        // Another delivery (a put-back copy, a retry) took the whole window 3 s ago: a clock of the door's own would say
        // "now"; the limiter says 7 s.
        await SpendAsync("loc-a", 10);
        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(7), _schedule.ReserveAtDoor("loc-a", "evt-1"));
        Assert.Equal(TimeSpan.FromSeconds(8), _schedule.ReserveAtDoor("loc-a", "evt-2"));
    }

    [Fact]
    public async Task A_pause_after_a_429_moves_the_turns_to_its_end()
    {
        var permit = await _limiter.AcquireAsync("loc-a", GhlRequestPriority.Normal, CancellationToken.None);
        using var tooMany = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        tooMany.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(12));
        _limiter.Observe("loc-a", permit, tooMany);
        permit.Dispose();

        Assert.Equal(TimeSpan.FromSeconds(12), _schedule.ReserveAtDoor("loc-a", "evt-1"));
    }

    [Fact]
    public void Turns_are_spaced_one_event_apart_and_a_window_of_events_later_wait_for_the_next_window()
    {
        var turns = Enumerable.Range(0, 12).Select(i => _schedule.ReserveAtDoor("loc-a", $"evt-{i}")).ToList();

        Assert.Equal(Enumerable.Range(0, 12).Select(i => TimeSpan.FromSeconds(i)), turns);
        Assert.Equal(12, _schedule.Reserved("loc-a"));
    }

    [Fact]
    public void An_admitted_event_gives_its_turn_back_so_the_next_one_is_not_held_behind_it()
    {
        for (var i = 0; i < 5; i++)
        {
            _schedule.ReserveAtDoor("loc-a", $"evt-{i}");
            _schedule.Release("loc-a", $"evt-{i}");
        }

        Assert.Equal(TimeSpan.Zero, _schedule.ReserveAtDoor("loc-a", "evt-next"));
    }

    [Fact]
    public void An_event_settled_without_admission_gives_its_turn_back()
    {
        _schedule.ReserveAtDoor("loc-a", "evt-absorbed");

        _schedule.OnOutcome(Outcome("evt-absorbed", EventOutcomeKind.AlreadyDone, stepsRun: 0));

        Assert.Equal(0, _schedule.Reserved("loc-a"));
    }

    [Fact]
    public async Task An_event_read_before_its_permit_keeps_its_place_rather_than_going_behind_the_whole_backlog()
    {
        var turns = Enumerable.Range(0, 30).Select(i => _schedule.ReserveAtDoor("loc-a", $"evt-{i}")).ToList();
        await SpendAsync("loc-a", 10);

        // evt-2 is read at once (before its turn, 2 s): the window is spent, and evt-0 and evt-1 are due before it.
        var moved = _schedule.ReserveAfterWake("loc-a", "evt-2");

        Assert.Equal(TimeSpan.FromSeconds(29), turns[^1]);
        Assert.Equal(Window, moved);
    }

    [Fact]
    public async Task Copies_without_a_turn_go_behind_every_turn_reserved_a_window_of_calls_at_a_time()
    {
        await SpendAsync("loc-a", 10);

        var copies = Enumerable.Range(0, 21).Select(i => _schedule.ReserveAfterWake("loc-a", $"copy-{i}")).ToList();

        Assert.All(copies.Take(10), wait => Assert.Equal(Window, wait));
        Assert.All(copies.Skip(10).Take(10), wait => Assert.Equal(2 * Window, wait));
        Assert.Equal(3 * Window, copies[^1]);
    }

    [Fact]
    public void Turns_past_due_for_a_few_seconds_are_forgotten()
    {
        for (var i = 0; i < 3; i++)
        {
            _schedule.ReserveAtDoor("loc-a", $"evt-{i}");
        }

        _time.Advance(TimeSpan.FromSeconds(8));

        Assert.Equal(TimeSpan.Zero, _schedule.ReserveAtDoor("loc-a", "evt-next"));
        Assert.Equal(1, _schedule.Reserved("loc-a"));
    }

    [Fact]
    public void Turns_follow_the_calls_the_locations_events_cost()
    {
        for (var i = 0; i < 200; i++)
        {
            _schedule.OnOutcome(Outcome($"evt-{i}", EventOutcomeKind.Applied, stepsRun: 2));
        }

        Assert.InRange(_schedule.CallsPerEvent("loc-a"), 1.99, 2.0);
        var turns = Enumerable.Range(0, 4).Select(i => _schedule.ReserveAtDoor("loc-a", $"evt-next-{i}")).ToList();
        Assert.InRange(turns[3], TimeSpan.FromSeconds(5.99), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public void Coalesced_and_skipped_events_make_the_turns_closer_but_never_under_half_a_call()
    {
        for (var i = 0; i < 200; i++)
        {
            _schedule.OnOutcome(Outcome($"evt-{i}", EventOutcomeKind.AlreadyDone, stepsRun: 0));
        }

        Assert.Equal(0.5, _schedule.CallsPerEvent("loc-a"), precision: 6);
    }

    [Fact]
    public void Put_backs_retries_and_roezan_bound_outcomes_teach_nothing()
    {
        _schedule.OnOutcome(Outcome("evt-1", EventOutcomeKind.Requeued, stepsRun: 0));
        _schedule.OnOutcome(Outcome("evt-2", EventOutcomeKind.Retried, stepsRun: 3));
        _schedule.OnOutcome(Outcome("evt-3", EventOutcomeKind.Applied, stepsRun: 3) with { Direction = SyncDirection.GhlToRoezan });

        Assert.Equal(1, _schedule.CallsPerEvent("loc-a"));
    }

    private static EventOutcome Outcome(string eventId, EventOutcomeKind kind, int stepsRun) => new()
    {
        EventId = eventId,
        AccountId = "acct-a",
        Direction = SyncDirection.RoezanToGhl,
        Kind = kind,
        Status = EventLedgerStatus.Applied,
        StepsRun = stepsRun,
    };

    // Takes permits of the location and answers them at once.
    private async Task SpendAsync(string locationId, int permits)
    {
        for (var i = 0; i < permits; i++)
        {
            (await _limiter.AcquireAsync(locationId, GhlRequestPriority.Normal, CancellationToken.None)).Dispose();
        }
    }
}
