using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using RoezanGhl.Core.Diagnostics;
using RoezanGhl.Engine.Processing;

namespace RoezanGhl.LoadHarness.Measurement;

/// <summary>
/// Where a run's processing time goes, for the log (not a figure of the report): each delivery's outcome kind with
/// its time in the processor, and every HTTP request the process made by server port (Azurite's blob, queue and
/// table ports, the simulator's) with its time, from .NET's own <c>http.client.request.duration</c>. Tells whether
/// processing waits on storage, on GHL's permits or on the slots.
/// </summary>
public sealed class ProcessingProfile : IEventOutcomeObserver, IDisposable
{
    private readonly ConcurrentDictionary<string, Tally> _deliveries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Tally> _http = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Tally> _storage = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();
    private readonly ActivityListener _requests;

    public ProcessingProfile()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnRequest);
        _listener.Start();

        // Storage requests by the app's step that made them, method, and table row kind, queue or container
        // (StorageRequestKey); the app's own spans are listened to so that each request finds its step.
        _requests = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "System.Net.Http" or RoezanGhlTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(_requests);
    }

    public void OnOutcome(EventOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _deliveries.GetOrAdd(outcome.Kind.ToString(), static _ => new Tally()).Add(outcome.Elapsed.TotalMilliseconds);
        if (outcome.Kind == EventOutcomeKind.Requeued)
        {
            _deliveries.GetOrAdd("Requeued because " + WhyPutBack(outcome.Reason), static _ => new Tally()).Add(outcome.Elapsed.TotalMilliseconds);
        }
    }

    /// <summary>Forgets what was counted so far (the run's seeding), so the figures cover the run alone.</summary>
    public void StartCounting()
    {
        _deliveries.Clear();
        _http.Clear();
        _storage.Clear();
    }

    /// <summary>Storage requests per event, the total and by step, method and target, most first, one per line.</summary>
    public string DescribeStorage(int events)
    {
        var perEvent = (double)Math.Max(1, events);
        var total = _storage.Values.Sum(tally => tally.Count);
        var lines = _storage.OrderByDescending(pair => pair.Value.Count).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => string.Create(CultureInfo.InvariantCulture, $"  {pair.Value.Count / perEvent,6:0.000}  {pair.Key} ({pair.Value.AverageMs:0.0} ms avg)"));
        return string.Create(CultureInfo.InvariantCulture, $"storage requests per event: {total / perEvent:0.00} ({total} for {events} events)") + Environment.NewLine + string.Join(Environment.NewLine, lines);
    }

    /// <summary>One line per kind: "Applied 812 deliveries, 95 ms average; port 10008 5120 requests, 4.1 ms average".</summary>
    public string Describe(int events)
    {
        var deliveries = _deliveries.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} {pair.Value.Count} ({pair.Value.AverageMs:0} ms avg)"));
        var http = _http.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} {pair.Value.Count} ({pair.Value.Count / (double)Math.Max(1, events):0.00}/event, {pair.Value.AverageMs:0.0} ms avg)"));
        return $"deliveries: {string.Join(", ", deliveries)}; HTTP by port: {string.Join(", ", http)}";
    }

    public void Dispose()
    {
        _listener.Dispose();
        _requests.Dispose();
    }

    private void OnStopped(Activity activity)
    {
        if (activity.Source.Name == "System.Net.Http"
            && StorageRequestKey.Of(activity, activity.GetTagItem("url.full") as string, activity.GetTagItem("http.request.method") as string) is { } key)
        {
            _storage.GetOrAdd(key, static _ => new Tally()).Add(activity.Duration.TotalMilliseconds);
        }
    }

    // The reason without the numbers and ids that differ between deliveries.
    private static string WhyPutBack(string? reason)
    {
        if (reason is null)
        {
            return "(none)";
        }

        return reason.Contains("no permit", StringComparison.Ordinal) ? "no permit soon"
            : reason.Contains("share of", StringComparison.Ordinal) ? "share of the slots held"
            : reason.Length > 40 ? reason[..40] : reason;
    }

    private void OnRequest(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var port = "?";
        var method = "?";
        foreach (var tag in tags)
        {
            if (tag.Key == "server.port")
            {
                port = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "?";
            }
            else if (tag.Key == "http.request.method")
            {
                method = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "?";
            }
        }

        _http.GetOrAdd($"{port} {method}", static _ => new Tally()).Add(seconds * 1000);
    }

    private sealed class Tally
    {
        private long _count;
        private double _totalMs;
        private readonly Lock _gate = new();

        public long Count => Interlocked.Read(ref _count);

        public double AverageMs
        {
            get
            {
                lock (_gate)
                {
                    return _count == 0 ? 0 : _totalMs / _count;
                }
            }
        }

        public void Add(double ms)
        {
            lock (_gate)
            {
                _count++;
                _totalMs += ms;
            }
        }
    }
}
