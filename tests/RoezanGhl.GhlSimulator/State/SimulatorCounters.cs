namespace RoezanGhl.GhlSimulator.State;

/// <summary>
/// What the simulator answered, for tests and the benchmark: totals by status and, per location, a
/// timeline of (milliseconds since the counters were reset, status).
/// </summary>
public sealed class SimulatorCounters
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, long> _byStatus = [];
    private readonly Dictionary<string, List<TimelineEntry>> _timelines = new(StringComparer.Ordinal);
    private DateTimeOffset _since;

    public SimulatorCounters(DateTimeOffset since) => _since = since;

    public void Record(string? locationKey, int status, DateTimeOffset at)
    {
        lock (_gate)
        {
            _byStatus[status] = _byStatus.GetValueOrDefault(status) + 1;
            var key = locationKey ?? "(none)";
            if (!_timelines.TryGetValue(key, out var timeline))
            {
                timeline = [];
                _timelines[key] = timeline;
            }

            timeline.Add(new TimelineEntry((long)(at - _since).TotalMilliseconds, status));
        }
    }

    public void Reset(DateTimeOffset since)
    {
        lock (_gate)
        {
            _byStatus.Clear();
            _timelines.Clear();
            _since = since;
        }
    }

    public CountersSnapshot Snapshot()
    {
        lock (_gate)
        {
            var total = _byStatus.Values.Sum();
            return new CountersSnapshot(
                total,
                _byStatus.GetValueOrDefault(429),
                _byStatus.ToDictionary(pair => pair.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), pair => pair.Value),
                _timelines.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<TimelineEntry>)[.. pair.Value], StringComparer.Ordinal));
        }
    }
}
