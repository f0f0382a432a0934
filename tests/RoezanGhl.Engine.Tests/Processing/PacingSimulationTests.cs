using System.Globalization;
using Xunit.Abstractions;

namespace RoezanGhl.Engine.Tests.Processing;

/// <summary>
/// Fairness across locations in fake time (<see cref="PacingSimulation"/>): five locations bursting at 3× GHL's limit
/// for 20 s at once, every fourth event costing two calls, and a quiet location at 1.6 events a second. The door's turns
/// come from the limiter's own schedule, so each location's windows stay at the limit until its backlog is gone, its
/// events are read about once each, and the quiet location's events are not held behind the neighbours' backlog.
/// </summary>
public sealed class PacingSimulationTests : IDisposable
{
    private static readonly string[] Bursting = ["loc-a", "loc-b", "loc-c", "loc-d", "loc-e"];
    private const string Quiet = "loc-quiet";

    private readonly PacingSimulation _simulation = new([.. Bursting, Quiet]);
    private readonly ITestOutputHelper _output;

    public PacingSimulationTests(ITestOutputHelper output)
    {
        _output = output;
        foreach (var location in Bursting)
        {
            // 24.5 events a second for 20 s: 490 events, 612 calls, about a minute of the location's budget.
            for (var i = 0; i < 490; i++)
            {
                _simulation.Arrives(TimeSpan.FromSeconds(i / 24.5), $"{location}-{i}", location, calls: i % 4 == 3 ? 2 : 1);
            }
        }

        for (var i = 0; i < 100; i++)
        {
            _simulation.Arrives(TimeSpan.FromSeconds(i / 1.6), $"{Quiet}-{i}", Quiet, calls: 1);
        }

        _simulation.Run(TimeSpan.FromMinutes(3));
    }

    public void Dispose() => _simulation.Dispose();

    [Fact]
    public void Five_locations_each_with_a_backlog_keep_every_window_at_the_limit_until_their_backlog_is_gone()
    {
        Assert.All(_simulation.Events, e => Assert.NotNull(e.Value.Settled));
        foreach (var location in Bursting)
        {
            var windows = _simulation.FullWindows(location);
            _output.WriteLine($"{location}: {string.Join(", ", windows)}");
            Assert.True(windows.Count >= 5, $"{location} drained in {windows.Count} windows: it was not held at the limit.");
            Assert.All(windows, count => Assert.InRange(count, 95, 100));
        }
    }

    [Fact]
    public void Each_event_is_read_from_the_queue_about_once_not_woken_again_and_again_before_its_permit()
    {
        var readsPerEvent = _simulation.Reads / (double)_simulation.Events.Count;
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_simulation.Reads} reads for {_simulation.Events.Count} events: {readsPerEvent:0.00} each"));

        Assert.InRange(readsPerEvent, 1, 1.25);
    }

    [Fact]
    public void A_quiet_locations_events_are_applied_within_two_seconds_while_its_neighbours_are_saturated()
    {
        var latencies = _simulation.Events.Where(e => e.Key.StartsWith(Quiet, StringComparison.Ordinal))
            .Select(e => (e.Value.Settled!.Value - e.Value.Accepted).TotalMilliseconds).Order().ToList();
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"quiet: p50 {latencies[latencies.Count / 2]:0} ms, tail {string.Join(" ", latencies.TakeLast(6))} ms"));

        Assert.Equal(100, latencies.Count);
        Assert.All(latencies, ms => Assert.InRange(ms, 0, 2000));
    }
}
