using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace RoezanGhl.Engine.Health;

/// <summary>
/// The health report behind <c>GET /api/health</c>, run at most once per <see cref="HealthOptions.CacheDuration"/>
/// however many callers ask; callers arriving while it runs wait for that run.
/// </summary>
public sealed class CachedHealthReport : IDisposable
{
    private readonly HealthCheckService _health;
    private readonly TimeSpan _cacheDuration;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _running = new(1, 1);
    private (HealthReport Report, DateTimeOffset At)? _last;

    public CachedHealthReport(HealthCheckService health, IOptions<HealthOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _health = health ?? throw new ArgumentNullException(nameof(health));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _cacheDuration = options.Value.CacheDuration;
    }

    public async Task<HealthReport> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh() is { } justRun)
            {
                return justRun;
            }

            var report = await _health.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
            _last = (report, _time.GetUtcNow());
            return report;
        }
        finally
        {
            _running.Release();
        }
    }

    public void Dispose() => _running.Dispose();

    private HealthReport? Fresh() =>
        _last is { } last && _time.GetUtcNow() - last.At < _cacheDuration ? last.Report : null;
}
