using Microsoft.ApplicationInsights;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Functions.Telemetry;

namespace RoezanGhl.Functions.Tests.EndToEnd;

public sealed class WorkerTelemetryTests
{
    [Fact]
    public async Task Worker_telemetry_gives_a_telemetry_client_and_keeps_information_logs()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddWorkerTelemetry();
        await using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<TelemetryClient>());
        Assert.DoesNotContain(provider.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules, IsWarningOnlyRule);
    }

    [Fact]
    public async Task Without_the_fix_the_sdk_would_keep_only_warnings()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplicationInsightsTelemetryWorkerService();
        await using var provider = services.BuildServiceProvider();

        Assert.Contains(provider.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules, IsWarningOnlyRule);
    }

    private static bool IsWarningOnlyRule(LoggerFilterRule rule) =>
        rule.ProviderName?.EndsWith("ApplicationInsightsLoggerProvider", StringComparison.Ordinal) == true && rule.LogLevel == LogLevel.Warning;
}
