using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RoezanGhl.Functions.Telemetry;

namespace RoezanGhl.TestSupport.Hosting;

/// <summary>
/// What the app exported while a test ran, through the app's own telemetry registration
/// (<see cref="WorkerTelemetryServiceCollectionExtensions.AddWorkerTelemetry"/>) with in-memory exporters:
/// every finished span and every metric point (log records are the host's <c>Logs</c>: the same ILogger records the
/// OpenTelemetry log exporter would send). Listeners are process-wide, so a
/// test that runs next to others may also see their spans: select by trace id.
/// </summary>
public sealed class CapturedTelemetry
{
    private IServiceProvider? _services;

    public LockedCollection<Activity> Spans { get; } = new();

    public LockedCollection<MetricSnapshot> Metrics { get; } = new();

    internal void Register(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        services.AddWorkerTelemetry(configuration, telemetry => telemetry
            .WithTracing(tracing => tracing.AddInMemoryExporter(Spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(Metrics)));

    /// <summary>Starts the providers (a host would, on start): from here on the app's spans and meters are recorded.</summary>
    internal void Start(IServiceProvider services)
    {
        _services = services;
        _ = services.GetRequiredService<TracerProvider>();
        _ = services.GetRequiredService<MeterProvider>();
    }

    /// <summary>Exports what is pending (metrics are collected now).</summary>
    public void Flush()
    {
        var services = _services ?? throw new InvalidOperationException("The host was not started.");
        services.GetRequiredService<TracerProvider>().ForceFlush();
        services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    /// <summary>The spans of one trace, oldest first.</summary>
    public IReadOnlyList<Activity> Trace(ActivityTraceId traceId)
    {
        return [.. Spans.Where(span => span.TraceId == traceId).OrderBy(span => span.StartTimeUtc)];
    }
}
