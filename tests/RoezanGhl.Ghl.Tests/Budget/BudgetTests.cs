using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Lanes;
using Xunit.Abstractions;

namespace RoezanGhl.Ghl.Tests.Budget;

[IntegrationLane]
public sealed class BudgetTests(ITestOutputHelper output)
{
    private const string Location = "loc-budget";

    [Fact]
    public async Task Three_times_the_demand_uses_at_least_95_percent_of_a_scaled_down_budget_with_at_most_1_percent_429s()
    {
        // GHL's shape (a limit per window, offered three times over) on a 4 s window so it fits in a test run.
        // A permit is counted until its answer arrives, so every millisecond of latency costs budget in
        // proportion to the window: a 2 s window on a machine busy with other test projects lost 15 %.
        var report = await MeasureAsync(budget: 80, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(16), margin: TimeSpan.FromMilliseconds(80));

        AssertTargetsMet(report);
    }

    [LongRunFact]
    public async Task Sixty_seconds_of_three_times_ghls_real_limit_use_at_least_95_percent_with_at_most_1_percent_429s()
    {
        var report = await MeasureAsync(budget: 100, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), margin: TimeSpan.FromMilliseconds(200));

        AssertTargetsMet(report);
    }

    [Fact]
    public async Task The_client_adds_little_to_a_bare_http_call()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, configure: o => o.RateLimitMaxRequests = 100_000);

        var report = await GhlOverheadMeasurement.RunAsync(simulator, ghl.Client, Location, GhlSimulatorHost.TokenFor(Location), calls: 300);

        output.WriteLine(report.ToString());
        Assert.InRange(report.OverheadMedianMicros, -1_000, 2_000);
    }

    private void AssertTargetsMet(GhlBudgetReport report)
    {
        output.WriteLine(report.ToString());
        Assert.InRange(report.BudgetShareUsed, 0.95, 1.0);
        Assert.InRange(report.Share429, 0.0, 0.01);
        Assert.True(report.RejectedLocally > 0, "the demand exceeded the budget, so some calls must have been held back");
    }

    private static async Task<GhlBudgetReport> MeasureAsync(int budget, TimeSpan interval, TimeSpan duration, TimeSpan margin)
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, configure: o =>
        {
            o.RateLimitMaxRequests = budget;
            o.RateLimitInterval = interval;
            o.RateLimitSafetyMargin = margin;
            o.RateLimitMaxWait = duration;
        });
        return await GhlBudgetMeasurement.RunAsync(simulator, ghl.Client, Location, budget, interval, demandFactor: 3, duration);
    }
}
