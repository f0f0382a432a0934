using System.Diagnostics;
using System.Globalization;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using Xunit.Abstractions;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>
/// The closing figures: GHL calls per event over a realistic mix, and events per second through the
/// in-process pipeline (webhook function → Azurite queue → pump → queue function → simulator).
/// </summary>
[IntegrationLane]
public sealed class SyncThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Realistic_mix_costs_at_most_1_3_ghl_calls_per_event()
    {
        const int events = 300;
        var scenario = MixedEventScenario.Generate(events, seed: 11);
        // GHL's 100 requests / 10 s per location would cap this at about 8 events/s whatever the engine does:
        // lifted here so that the figure is the pipeline's own.
        await using var app = await AppTestHost.Create().WithSetting("Ghl:RateLimitMaxRequests", "10000").StartAsync();
        app.Simulator.Settings = app.Simulator.Settings with { RecordInMemory = false, RateLimitMax = 10_000 };

        var watch = Stopwatch.StartNew();
        await app.PostAllAsync(scenario.Events.Select(e => e.Body));
        var posted = watch.Elapsed;
        await app.DrainAsync(TimeSpan.FromSeconds(90));
        var total = watch.Elapsed;

        var calls = app.Simulator.State.Counters.Snapshot().Total;
        var perEvent = (double)calls / events;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{events} events, {calls} GHL calls: {perEvent:F3} calls per event"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"webhook: {events / posted.TotalSeconds:F0} events/s; queue processing: {events / (total - posted).TotalSeconds:F1} events/s; end to end: {events / total.TotalSeconds:F1} events/s ({total.TotalSeconds:F1} s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pump: {app.Pump.Delivered} deliveries for {events} events ({app.Pump.Delivered - events} re-queued waits)"));
        await ScenarioAssertions.AssertAppliedExactlyOnceAsync(app, scenario);
        Assert.True(perEvent <= 1.3, $"{perEvent:F3} GHL calls per event");
    }
}
