using System.Text.Json;
using RoezanGhl.Engine.Processing;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Engine.Tests.Processing;

public sealed class ProcessingSettingsTests
{
    [Fact]
    public void Default_max_dequeue_count_is_the_one_host_json_gives_the_trigger()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("host.json")));
        var fromHost = hostJson.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32();

        Assert.Equal(fromHost, new SyncProcessingOptions().MaxDequeueCount);
    }

    [Fact]
    public void Host_polls_the_queue_at_least_every_two_seconds()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("host.json")));
        var polling = TimeSpan.Parse(hostJson.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxPollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(polling, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Default_processing_slots_are_the_deliveries_host_json_lets_one_instance_work_on_at_once()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("host.json")));
        var queues = hostJson.RootElement.GetProperty("extensions").GetProperty("queues");

        Assert.Equal(queues.GetProperty("batchSize").GetInt32() + queues.GetProperty("newBatchThreshold").GetInt32(), new LocationAdmissionOptions().ProcessingSlots);
    }
}
