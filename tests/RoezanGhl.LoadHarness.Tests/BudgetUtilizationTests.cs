using RoezanGhl.GhlSimulator.State;
using RoezanGhl.LoadHarness.Measurement;

namespace RoezanGhl.LoadHarness.Tests;

public sealed class BudgetUtilizationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3_000)]
    [InlineData(7_300)]
    public void Bursts_of_100_every_10_2_seconds_use_98_percent_wherever_they_start(int phaseMs)
    {
        // A client that sends its 100 at once each time its 10.2 s window reopens, for five minutes.
        var timeline = new List<TimelineEntry>();
        for (var burst = 0; burst < 30; burst++)
        {
            for (var i = 0; i < 100; i++)
            {
                timeline.Add(new TimelineEntry(phaseMs + (burst * 10_200) + i, 200));
            }
        }

        var share = BudgetUtilization.Compute(timeline, 0, phaseMs + (29 * 10_200) + 100, 100, 10_000);

        Assert.InRange(share, 0.97, 0.99);
    }

    [Fact]
    public void An_even_five_requests_a_second_use_half_the_budget()
    {
        var timeline = Enumerable.Range(0, 300).Select(i => new TimelineEntry(i * 200, 200)).ToList();

        var share = BudgetUtilization.Compute(timeline, 0, 60_000, 100, 10_000);

        Assert.InRange(share, 0.49, 0.51);
    }

    [Fact]
    public void Answers_429_are_not_counted_as_budget_used()
    {
        var timeline = Enumerable.Range(0, 600).Select(i => new TimelineEntry(i * 100, i % 2 == 0 ? 200 : 429)).ToList();

        var share = BudgetUtilization.Compute(timeline, 0, 60_000, 100, 10_000);

        Assert.InRange(share, 0.49, 0.51);
    }

    [Fact]
    public void Requests_outside_the_busy_period_do_not_count()
    {
        var timeline = Enumerable.Range(0, 100).Select(i => new TimelineEntry(100_000 + i, 200)).ToList();

        Assert.Equal(0, BudgetUtilization.Compute(timeline, 0, 60_000, 100, 10_000));
    }
}
