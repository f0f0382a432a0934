namespace RoezanGhl.GhlSimulator.State;

/// <summary>
/// What the simulator answered, for tests and the benchmark: totals by status and, per location, a
/// timeline of (milliseconds since the counters were reset, status), and requests by route (method and path with
/// ids as <c>{id}</c>) to tell which calls an event kind costs.
/// </summary>
public sealed class SimulatorCounters
{
    private static readonly HashSet<string> RouteWords = new(
        ["contacts", "upsert", "search", "duplicate", "tags", "notes", "tasks", "completed", "locations", "customFields", "conversations", "messages", "inbound", "outbound", "users", "opportunities"],
        StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private readonly Dictionary<int, long> _byStatus = [];
    private readonly Dictionary<string, List<TimelineEntry>> _timelines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byRoute = new(StringComparer.Ordinal);
    private DateTimeOffset _since;

    public SimulatorCounters(DateTimeOffset since) => _since = since;

    public void Record(string? locationKey, int status, DateTimeOffset at, string? route = null)
    {
        lock (_gate)
        {
            if (route is not null)
            {
                _byRoute[route] = _byRoute.GetValueOrDefault(route) + 1;
            }

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
            _byRoute.Clear();
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
                _timelines.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<TimelineEntry>)[.. pair.Value], StringComparer.Ordinal))
            {
                ByRoute = new Dictionary<string, long>(_byRoute, StringComparer.Ordinal),
            };
        }
    }

    /// <summary>A request's route: its method and path, each segment that is not one of GHL's words shown as <c>{id}</c>.</summary>
    public static string RouteOf(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => RouteWords.Contains(segment) ? segment : "{id}");
        return method + " /" + string.Join('/', segments);
    }
}
