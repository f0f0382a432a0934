using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RoezanGhl.Functions.Telemetry;

public static class WorkerTelemetryServiceCollectionExtensions
{
    // The provider the Application Insights SDK registers; its default rule keeps only warnings and above.
    private const string ApplicationInsightsLoggerProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>
    /// Application Insights for the isolated worker: the worker's own logs (with their structured fields:
    /// event id, account, location, GHL traceId) and dependencies go to the resource named by
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>; without it nothing is sent. The SDK's default rule that
    /// drops everything below Warning is removed, so that host.json / logging settings decide the levels.
    /// Called from Program.cs rather than AddRoezanGhl: its telemetry module can only be disposed
    /// asynchronously (as the host does), and tests that build the app's services dispose them synchronously.
    /// </summary>
    public static IServiceCollection AddWorkerTelemetry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        services.Configure<LoggerFilterOptions>(options =>
        {
            var rule = options.Rules.FirstOrDefault(r => r.ProviderName == ApplicationInsightsLoggerProvider);
            if (rule is not null)
            {
                options.Rules.Remove(rule);
            }
        });
        return services;
    }
}
