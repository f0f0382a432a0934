using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Lanes;
using Xunit.Abstractions;

namespace RoezanGhl.LoadHarness.Tests;

/// <summary>
/// A few seconds of every profile through both systems (the full run is ./scripts/bench.sh): keeps the harness
/// working, and holds ours to the targets that do not need a long run — every event applied, nothing twice.
/// </summary>
[IntegrationLane]
public sealed class LoadHarnessSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_few_seconds_of_each_profile_leave_every_event_applied_once_by_ours()
    {
        Azurite.EnsureRunning();

        var report = await LoadHarnessRunner.RunAsync(HarnessOptions.Smoke, new TestOutputWriter(output), CancellationToken.None);

        Assert.Equal(HarnessOptions.AllProfiles.Order(StringComparer.Ordinal), report.Profiles.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, profile) in report.Profiles)
        {
            var ours = profile.Ours ?? throw new InvalidOperationException($"{key}: ours did not run");
            var baseline = profile.Baseline ?? throw new InvalidOperationException($"{key}: the baseline did not run");
            Assert.True(ours.Events > 10, $"{key}: only {ours.Events} events");
            Assert.Equal(baseline.Events, ours.Events);
            Assert.Equal(0, ours.LostEvents);
            Assert.Equal(0, ours.DuplicateWrites);
            Assert.Equal(ours.Events, ours.AppliedEvents);
            // The processor said so too, for every event, under the id the harness expected.
            Assert.Equal(0, ours.UnmatchedEnds);
            // Every event ends applied, or skipped when queue order let a newer change to its contact go first
            // (a stale change fills only what GHL has none of); what GHL holds is checked field by field.
            Assert.Equal(0, ours.FieldsLost);
            Assert.True(
                ours.Events == ours.Outcomes.GetValueOrDefault("Applied") + ours.Outcomes.GetValueOrDefault("Skipped"),
                $"{key}: {ours.Events} events, outcomes {string.Join(", ", ours.Outcomes.Select(o => $"{o.Key}={o.Value}"))}");
            Assert.True(ours.GhlCallsPerEvent is > 1 and < 2, $"{key}: {ours.GhlCallsPerEvent} calls per event");
            Assert.NotNull(ours.E2eLatencyP99Ms);
        }

        // The multi-location bursts load every location and measure the quiet one beside them.
        var five = report.Profiles[LoadProfile.FiveLocationBurst].Ours!;
        Assert.Equal(6, five.Ghl429RatioByLocation.Count);
        Assert.Equal(5, five.GhlBudgetUtilizationByLocation.Count);
        Assert.True(five.QuietLocationEvents > 0, "the quiet location got no events");
        Assert.NotNull(five.QuietLocationLatencyP99Ms);

        // The comparison the harness is for: straight to GHL with three quick tries, most of a burst is lost.
        var burst = report.Profiles[LoadProfile.Burst];
        Assert.True(burst.Baseline!.LostEvents > burst.Baseline.Events / 4, $"the baseline lost {burst.Baseline.LostEvents} of {burst.Baseline.Events}");
        Assert.True(burst.Baseline.Ghl429Ratio > 0.3, $"the baseline's 429 ratio was {burst.Baseline.Ghl429Ratio}");
        Assert.True(burst.Ours!.Ghl429Ratio <= 0.01, $"ours' 429 ratio was {burst.Ours.Ghl429Ratio}");
    }
}
