using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RoezanGhl.Storage.Health;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Webhooks;

namespace RoezanGhl.Storage.Tests.Health;

[IntegrationLane]
public class StorageHealthCheckTests
{
    // Nothing listens on port 9 (discard) on a test machine; no retries so the check fails fast.
    private const string DeadStorage =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    [Fact]
    public async Task Queues_and_tables_on_azurite_are_healthy()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();

        var report = await rig.CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(["queues", "tables"], report.Entries.Keys.Order());
        Assert.All(report.Entries.Values, e => Assert.Equal("reachable", e.Description));
    }

    [Fact]
    public async Task Unreachable_storage_is_unhealthy_with_a_description_that_holds_no_connection_details()
    {
        await using var services = new ServiceCollection()
            .AddSingleton(StorageNames.Defaults)
            .AddSingleton(new QueueServiceClient(DeadStorage, new QueueClientOptions { Retry = { MaxRetries = 0 } }))
            .AddSingleton(new TableServiceClient(DeadStorage, new TableClientOptions { Retry = { MaxRetries = 0 } }))
            .BuildServiceProvider();

        var queue = await StorageHealthCheck.ForQueues(services).CheckHealthAsync(new HealthCheckContext());
        var table = await StorageHealthCheck.ForTables(services).CheckHealthAsync(new HealthCheckContext());

        foreach (var result in new[] { queue, table })
        {
            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.StartsWith("unreachable", result.Description, StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", result.Description, StringComparison.Ordinal);
            Assert.DoesNotContain("AccountKey", result.Description, StringComparison.Ordinal);
            Assert.Null(result.Exception);
        }
    }
}
