using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RoezanGhl.Core.Diagnostics;

namespace RoezanGhl.Functions.Telemetry;

public static class WorkerTelemetryServiceCollectionExtensions
{
    /// <summary>Set in Azure: the Application Insights resource traces, metrics and logs go to.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary><c>ClientId={id};Authorization=AAD</c>: send as that managed identity (the resource refuses keys).</summary>
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Set locally (an Aspire dashboard, Jaeger): the OTLP endpoint; the exporter reads the other <c>OTEL_*</c> settings itself.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Azure.Core's switch for its ActivitySource (storage and Key Vault calls as spans).</summary>
    public const string AzureActivitySourceSwitch = "Azure.Experimental.EnableActivitySource";

    /// <summary>
    /// OpenTelemetry for the isolated worker, registered once: the Functions worker's defaults (host and worker
    /// share one W3C trace when host.json says <c>telemetryMode: OpenTelemetry</c>), the app's spans
    /// (<see cref="RoezanGhlTelemetry.Source"/>), the Azure SDK's (<c>Azure.*</c>), outgoing HTTP (GHL, Roezan,
    /// the notification webhook) with query strings redacted (<see cref="HttpSpanRedaction"/>), the app's meters and
    /// the logs. Exporters: Azure Monitor when <see cref="ConnectionStringSetting"/> is set, OTLP when
    /// <see cref="OtlpEndpointSetting"/> is set, none otherwise. <paramref name="configure"/> adds what a test needs
    /// (an in-memory exporter).
    /// </summary>
    public static IServiceCollection AddWorkerTelemetry(this IServiceCollection services, IConfiguration configuration, Action<IOpenTelemetryBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Azure.Core reads the switch once, when its first client is built: this runs before any is.
        AppContext.SetSwitch(AzureActivitySourceSwitch, isEnabled: true);
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing
                // First, so that every exporter added after it sees scrubbed URLs only.
                .AddProcessor(new UrlRedactionProcessor())
                .AddSource(RoezanGhlTelemetry.SourceName)
                .AddSource("Azure.*")
                .AddHttpClientInstrumentation(HttpSpanRedaction.Configure))
            .WithMetrics(metrics => metrics
                .AddMeter(RoezanGhlTelemetry.MeterPrefix + "*")
                .AddHttpClientInstrumentation())
            .WithLogging();

        if (!string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting]))
        {
            var identity = ManagedIdentityOf(configuration[AuthenticationStringSetting]);
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = configuration[ConnectionStringSetting];
                if (identity is not null)
                {
                    options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(identity));
                }
            });
        }

        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]))
        {
            telemetry.UseOtlpExporter();
        }

        configure?.Invoke(telemetry);
        return services;
    }

    /// <summary>The client id in <c>ClientId={id};Authorization=AAD</c>, or null when the string names none.</summary>
    public static string? ManagedIdentityOf(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        return parts.TryGetValue("Authorization", out var kind) && string.Equals(kind, "AAD", StringComparison.OrdinalIgnoreCase)
            && parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? clientId
            : null;
    }
}
