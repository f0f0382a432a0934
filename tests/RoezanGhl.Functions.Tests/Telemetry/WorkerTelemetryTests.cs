using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using RoezanGhl.Core.Diagnostics;
using RoezanGhl.Functions.Telemetry;
using RoezanGhl.TestSupport.Hosting;

namespace RoezanGhl.Functions.Tests.Telemetry;

public sealed class WorkerTelemetryTests
{
    [Fact]
    public async Task Worker_telemetry_traces_the_apps_source_and_outgoing_http_with_the_query_redacted()
    {
        var spans = new LockedCollection<Activity>();
        await using var provider = Build([], telemetry => telemetry.WithTracing(tracing => tracing.AddInMemoryExporter(spans)));
        var tracer = provider.GetRequiredService<TracerProvider>();

        using (RoezanGhlTelemetry.Source.StartActivity("test"))
        {
            // A real handler (the instrumentation lives in it) to a port nothing listens on: the span is made anyway.
            using var http = new HttpClient();
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("http://127.0.0.1:9/contacts/search/duplicate?locationId=loc-1&number=%2B15555550123")));
        }

        tracer.ForceFlush();
        // Listeners are process-wide: other tests' spans may be here too; this test's share one trace.
        var root = Assert.Single(spans, span => span.Source.Name == RoezanGhlTelemetry.SourceName && span.DisplayName == "test");
        var call = Assert.Single(spans, span => span.Kind == ActivityKind.Client && span.TraceId == root.TraceId);
        Assert.Equal("http://127.0.0.1:9/contacts/search/duplicate?locationId=REDACTED&number=REDACTED", call.GetTagItem(HttpSpanRedaction.UrlTag));
        Assert.DoesNotContain("5550123", call.DisplayName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_exporter_setting_nothing_is_exported_and_with_one_the_exporter_is_there()
    {
        await using (var bare = Build([], null))
        {
            Assert.NotNull(bare.GetRequiredService<TracerProvider>());
            Assert.NotNull(bare.GetRequiredService<MeterProvider>());
            Assert.NotNull(bare.GetRequiredService<LoggerProvider>());
        }

        // The OTLP exporter registers its options only when the endpoint is set.
        await using var otlp = Build([new(WorkerTelemetryServiceCollectionExtensions.OtlpEndpointSetting, "http://127.0.0.1:4317")], null);
        Assert.NotNull(otlp.GetRequiredService<TracerProvider>());
    }

    [Theory]
    [InlineData("ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD", "00000000-0000-0000-0000-000000000001")]
    [InlineData("Authorization=AAD; ClientId=abc", "abc")]
    [InlineData("ClientId=abc", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_authentication_string_names_the_managed_identity_only_with_aad(string? value, string? expected) =>
        Assert.Equal(expected, WorkerTelemetryServiceCollectionExtensions.ManagedIdentityOf(value));

    [Theory]
    [InlineData("https://services.example.com/contacts/abc", "https://services.example.com/contacts/abc")]
    [InlineData("https://services.example.com/contacts/search/duplicate?number=%2B15555550123&email=a%40example.com", "https://services.example.com/contacts/search/duplicate?number=REDACTED&email=REDACTED")]
    [InlineData("https://user:pw@services.example.com/x?q", "https://services.example.com/x?q=REDACTED")]
    public void Urls_keep_their_path_and_lose_every_query_value_and_user_info(string url, string expected) =>
        Assert.Equal(expected, HttpSpanRedaction.RedactUrl(new Uri(url)));

    [Theory]
    [InlineData("http://127.0.0.1:10005/devstoreaccount1/Links(PartitionKey='loc-1',RowKey='ph%7C%2B12015550123')?$format=REDACTED", "http://127.0.0.1:10005/devstoreaccount1/Links(REDACTED)?$format=REDACTED")]
    [InlineData("https://services.example.com/contacts/{contactId}?locationId=REDACTED", "https://services.example.com/contacts/{contactId}?locationId=REDACTED")]
    [InlineData("https://acct.blob.core.windows.net/payloads/2026/11/24/abc.json?sv=2024&sig=secret", "https://acct.blob.core.windows.net/payloads/2026/11/24/abc.json?sv=REDACTED&sig=REDACTED")]
    public void Span_urls_lose_table_keys_and_query_values_and_keep_templates(string url, string expected) =>
        Assert.Equal(expected, HttpSpanRedaction.RedactUrlText(url));

    [Fact]
    public void The_redaction_processor_scrubs_a_storage_span_before_export()
    {
        using var span = new Activity("GET").SetTag("url.full", "http://127.0.0.1/Links(PartitionKey='l',RowKey='em%7Ca%40example.com')");

        new UrlRedactionProcessor().OnEnd(span);

        Assert.Equal("http://127.0.0.1/Links(REDACTED)", span.GetTagItem("url.full"));
    }

    [Fact]
    public void A_route_template_replaces_the_path_that_holds_ids() =>
        Assert.Equal(
            "https://services.example.com/contacts/{contactId}/notes?locationId=REDACTED",
            HttpSpanRedaction.RedactUrl(new Uri("https://services.example.com/contacts/c-15555550123/notes?locationId=loc-1"), "/contacts/{contactId}/notes"));

    private static ServiceProvider Build(IEnumerable<KeyValuePair<string, string?>> settings, Action<IOpenTelemetryBuilder>? configure)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddWorkerTelemetry(configuration, configure);
        return services.BuildServiceProvider();
    }
}
