using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.LoadHarness.Measurement;

/// <summary>
/// How much of GHL's burst budget a location used while it had work waiting, from the simulator's request
/// timeline: the average, over every 10 s window that fits inside the busy period, of the requests GHL
/// counted in that window (any answer but 429, which GHL does not count) divided by 100. A sliding average
/// rather than fixed windows, so the figure does not depend on where the windows happen to start: a client
/// sending exactly 100 per 10.2 s scores 0.98 wherever its bursts fall.
/// </summary>
public static class BudgetUtilization
{
    /// <param name="timeline">The location's answered requests (ms on the run clock, status).</param>
    /// <param name="busyStartMs">When the location's first event arrived.</param>
    /// <param name="busyEndMs">When its last event was done.</param>
    /// <param name="budget">Requests per window (100).</param>
    /// <param name="windowMs">The window (10,000 ms).</param>
    public static double Compute(IReadOnlyList<TimelineEntry> timeline, double busyStartMs, double busyEndMs, int budget, double windowMs)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var counted = timeline.Where(entry => entry.Status is not (429 or 0)).Select(entry => (double)entry.AtMs).ToList();
        var span = busyEndMs - busyStartMs;
        if (span <= 0 || budget <= 0)
        {
            return 0;
        }

        if (span <= windowMs)
        {
            // Shorter than one window: the share of one window's budget used.
            return counted.Count(at => at >= busyStartMs && at <= busyEndMs) / (double)budget;
        }

        // A window [t, t + W) with t in [start, end - W] holds a request at s when s - W < t <= s: each request
        // adds the length of that overlap; dividing by the range of t gives the average count per window.
        var lastStart = busyEndMs - windowMs;
        var covered = 0.0;
        foreach (var at in counted)
        {
            var from = Math.Max(busyStartMs, at - windowMs);
            var to = Math.Min(lastStart, at);
            if (to > from)
            {
                covered += to - from;
            }
        }

        return covered / (lastStart - busyStartMs) / budget;
    }
}
