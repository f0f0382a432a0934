using RoezanGhl.LoadHarness.Workload;

namespace RoezanGhl.LoadHarness.Tests;

public sealed class EventScriptTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_same_seed_gives_the_same_events()
    {
        var profile = new LoadProfile(LoadProfile.Steady, "steady", 1, 0.5, TimeSpan.FromSeconds(60));

        var first = Build(profile, seed: 3);
        var second = Build(profile, seed: 3);
        var other = Build(profile, seed: 4);

        Assert.Equal(first.Select(e => (e.EventId, e.Kind, e.OffsetMs)), second.Select(e => (e.EventId, e.Kind, e.OffsetMs)));
        Assert.NotEqual(first.Select(e => (e.Kind, e.OffsetMs)), other.Select(e => (e.Kind, e.OffsetMs)));
    }

    [Fact]
    public void Events_arrive_at_the_profile_rate_with_the_mix_shares()
    {
        var profile = new LoadProfile(LoadProfile.Burst, "burst", 1, 10, TimeSpan.FromSeconds(30));

        var events = Build(profile, seed: 9);

        Assert.InRange(events.Count, profile.ExpectedEventsPerLocation * 0.93, profile.ExpectedEventsPerLocation * 1.07);
        Assert.All(events, e => Assert.InRange(e.OffsetMs, 0, 30_000));
        var messages = events.Count(e => e.Kind is EventKind.MessageFromKnownContact or EventKind.MessageFollowUp) / (double)events.Count;
        Assert.InRange(messages, 0.40, 0.50);
        Assert.InRange(events.Count(e => e.Kind == EventKind.ContactUpdated) / (double)events.Count, 0.12, 0.18);
        Assert.Contains(events, e => e.Kind == EventKind.MessageFollowUp);
    }

    [Fact]
    public void Every_event_has_its_own_marker_and_updates_each_take_their_own_contact()
    {
        var profile = new LoadProfile(LoadProfile.Burst, "burst", 2, 10, TimeSpan.FromSeconds(10));

        var events = Build(profile, seed: 9);

        Assert.Equal(events.Count, events.Select(e => e.Marker).Distinct().Count());
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        var updated = events.Where(e => e.Kind == EventKind.ContactUpdated).Select(e => e.Contact!.RoezanContactId).ToList();
        Assert.Equal(updated.Count, updated.Distinct().Count());
        var taskChanges = events.Where(e => e.Kind is EventKind.TaskUpdated or EventKind.TaskCompleted).Select(e => e.RoezanTaskId).ToList();
        Assert.Equal(taskChanges.Count, taskChanges.Distinct().Count());
    }

    [Fact]
    public void With_several_updates_per_contact_each_contact_takes_them_in_a_row_and_keeps_its_newest_first_name()
    {
        var profile = new LoadProfile(LoadProfile.Burst, "burst", 1, 10, TimeSpan.FromSeconds(10), UpdatesPerContact: 3);

        var updates = Build(profile, seed: 9).Where(e => e.Kind == EventKind.ContactUpdated).ToList();

        var runs = updates.Chunk(3).ToList();
        Assert.True(runs.Count > 5, $"only {runs.Count} runs of updates");
        Assert.All(runs.SkipLast(1), run => Assert.Single(run.Select(e => e.Contact!.RoezanContactId).Distinct()));
        Assert.Equal(runs.Count, runs.Select(run => run[0].Contact!.RoezanContactId).Distinct().Count());
        Assert.Contains(updates, e => e.FirstName != e.Contact!.FirstName);
        Assert.All(runs, run => Assert.All(run.Skip(1).Zip(run), pair => Assert.True(
            pair.First.FirstName == pair.Second.FirstName || pair.First.FirstName!.EndsWith("-" + pair.First.Sequence, StringComparison.Ordinal),
            "a later update keeps the first name unless it changes it")));
    }

    [Fact]
    public void A_follow_up_comes_from_a_number_that_first_wrote_at_least_five_seconds_before()
    {
        var profile = new LoadProfile(LoadProfile.Steady, "steady", 1, 2, TimeSpan.FromSeconds(60));

        var events = Build(profile, seed: 9);

        var firsts = events.Where(e => e.Kind == EventKind.MessageFromNewNumber).ToDictionary(e => e.Phone!, e => e.OffsetMs);
        var followUps = events.Where(e => e.Kind == EventKind.MessageFollowUp).ToList();
        Assert.NotEmpty(followUps);
        Assert.All(followUps, e => Assert.True(e.OffsetMs - firsts[e.Phone!] >= 5_000));
    }

    private static IReadOnlyList<ScriptedEvent> Build(LoadProfile profile, int seed)
    {
        var world = SeededWorld.Create(profile.HarnessLocations, EventScript.KnownContactsFor(profile), Day);
        return EventScript.Build(profile, world, seed, Day);
    }
}
