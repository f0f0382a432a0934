using System.Collections.Concurrent;
using Azure.Storage.Queues;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Queues;

namespace RoezanGhl.Functions.Tests.EndToEnd;

public sealed class QueueTestPumpTests
{
    private static readonly HostQueueSettings Settings = HostQueueSettings.FromRepository();

    [Fact]
    public void Settings_are_read_from_the_repository_host_json()
    {
        Assert.Equal("base64", Settings.MessageEncoding);
        Assert.InRange(Settings.MaxDequeueCount, 2, 10);
        Assert.InRange(Settings.MaxPollingInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));
    }

    [IntegrationLane]
    [Fact]
    public async Task Message_is_decoded_delivered_once_and_deleted()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync(QueueTestPump.Encode("{\"hello\":\"wörld\"}", Settings));
        var bodies = new ConcurrentBag<QueueDelivery>();
        var pump = new QueueTestPump(queue, Settings, (delivery, _) => { bodies.Add(delivery); return Task.CompletedTask; });

        await pump.RunUntilIdleAsync(TimeSpan.FromSeconds(30));

        var delivery = Assert.Single(bodies);
        Assert.Equal("{\"hello\":\"wörld\"}", delivery.Body);
        Assert.Equal(1, delivery.DequeueCount);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [IntegrationLane]
    [Fact]
    public async Task Failing_message_is_retried_with_growing_dequeue_counts_then_poisoned()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync(QueueTestPump.Encode("always fails", Settings));
        var counts = new ConcurrentQueue<long>();
        var pump = new QueueTestPump(queue, Settings, (delivery, _) => { counts.Enqueue(delivery.DequeueCount); throw new InvalidOperationException("boom"); }, retryVisibility: TimeSpan.Zero);

        await pump.RunUntilIdleAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Enumerable.Range(1, Settings.MaxDequeueCount).Select(i => (long)i), counts.ToArray());
        Assert.Equal(1, pump.Poisoned);
        Assert.Equal(["always fails"], await pump.PeekPoisonAsync());
    }

    [IntegrationLane]
    [Fact]
    public async Task Message_put_back_with_a_visibility_delay_waits_for_it()
    {
        var queue = await NewQueueAsync();
        // Read before sending: Azurite starts the 2 s from when it takes the message, never earlier, on this machine's clock.
        var started = DateTimeOffset.UtcNow;
        await queue.SendMessageAsync(QueueTestPump.Encode("later", Settings), visibilityTimeout: TimeSpan.FromSeconds(2));
        var deliveredAt = DateTimeOffset.MinValue;
        var pump = new QueueTestPump(queue, Settings, (_, _) => { deliveredAt = DateTimeOffset.UtcNow; return Task.CompletedTask; });

        await pump.RunUntilIdleAsync(TimeSpan.FromSeconds(30));

        Assert.True(deliveredAt - started >= TimeSpan.FromSeconds(1.5), $"delivered after {deliveredAt - started}");
    }

    private static async Task<QueueClient> NewQueueAsync()
    {
        Azurite.EnsureRunning();
        var queue = new QueueClient(Azurite.ConnectionString, Azurite.UniqueName("pump"));
        await queue.CreateAsync();
        return queue;
    }
}
