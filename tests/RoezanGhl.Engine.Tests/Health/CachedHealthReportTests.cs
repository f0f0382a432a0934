using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Engine.Health;

namespace RoezanGhl.Engine.Tests.Health;

public class CachedHealthReportTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private int _checks;

    [Fact]
    public async Task Calls_within_the_cache_duration_share_one_run_of_the_checks()
    {
        using var services = Build(new Dictionary<string, string?>());
        var health = services.GetRequiredService<CachedHealthReport>();

        await health.GetAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(4.9));
        await health.GetAsync(CancellationToken.None);
        Assert.Equal(1, _checks);

        _time.Advance(TimeSpan.FromSeconds(0.1));
        await health.GetAsync(CancellationToken.None);
        Assert.Equal(2, _checks);
    }

    [Fact]
    public async Task Callers_arriving_together_share_one_run_of_the_checks()
    {
        using var services = Build(new Dictionary<string, string?>());
        var health = services.GetRequiredService<CachedHealthReport>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => health.GetAsync(CancellationToken.None)));

        Assert.Equal(1, _checks);
    }

    [Fact]
    public async Task A_cache_duration_of_zero_runs_the_checks_every_time()
    {
        using var services = Build(new Dictionary<string, string?> { ["Health:CacheDuration"] = "00:00:00" });
        var health = services.GetRequiredService<CachedHealthReport>();

        await health.GetAsync(CancellationToken.None);
        await health.GetAsync(CancellationToken.None);

        Assert.Equal(2, _checks);
    }

    [Fact]
    public void A_cache_duration_over_a_minute_stops_the_app_naming_the_setting()
    {
        using var services = Build(new Dictionary<string, string?> { ["Health:CacheDuration"] = "00:05:00" });

        var failure = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Health:CacheDuration", failure.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(_time)
            .AddLogging();
        services.AddHealthChecks().AddCheck("queues", () =>
        {
            Interlocked.Increment(ref _checks);
            return HealthCheckResult.Healthy();
        });
        return services.AddRoezanHealth().BuildServiceProvider();
    }
}
