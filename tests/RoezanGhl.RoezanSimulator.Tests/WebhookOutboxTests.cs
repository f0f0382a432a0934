using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.RoezanSimulator.Tests.Support;
using RoezanGhl.RoezanSimulator.Webhooks;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.RoezanSimulator.Tests;

public sealed class WebhookOutboxTests
{
    [IntegrationLane]
    [Fact]
    public async Task A_failing_receiver_gets_the_same_event_again_after_each_backoff_until_it_accepts_it()
    {
        var clock = Simulators.Clock();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer(500, 503);
        await using var sim = await Simulators.StartAsync(receiver.Url, clock, s => s with { WebhookRetryBaseDelayMs = 1_000 });

        var contact = sim.Admin.SeedContact(Simulators.Account, new ContactFields { Phone = TestPhones.Ana });
        sim.Admin.EditContact(Simulators.Account, contact.Id, new ContactFields { FirstName = "Ana" });
        await sim.Outbox.WaitUntilAsync(outbox => outbox.Attempts.Count == 1, Simulators.Guard());
        var afterFirstFailure = sim.Outbox.Events[0];
        clock.Advance(TimeSpan.FromSeconds(1));
        await sim.Outbox.WaitUntilAsync(outbox => outbox.Attempts.Count == 2, Simulators.Guard());
        var afterSecondFailure = sim.Outbox.Events[0];
        clock.Advance(TimeSpan.FromSeconds(2));
        await sim.WaitForWebhooksAsync(Simulators.Guard());

        Assert.Equal((WebhookEventStatus.Pending, 1, 500), (afterFirstFailure.Status, afterFirstFailure.Attempts, afterFirstFailure.LastStatusCode));
        Assert.Equal(Simulators.Start.AddSeconds(1), afterFirstFailure.NextAttemptAt);
        Assert.Equal((2, 503), (afterSecondFailure.Attempts, afterSecondFailure.LastStatusCode));
        Assert.Equal(Simulators.Start.AddSeconds(3), afterSecondFailure.NextAttemptAt);
        var first = Assert.Single(sim.Outbox.Events);
        Assert.Equal((WebhookEventStatus.Delivered, 3, 202), (first.Status, first.Attempts, first.LastStatusCode));
        var deliveries = receiver.Received.Where(hook => hook.Text == first.Body).ToList();
        Assert.Equal(3, deliveries.Count);
        Assert.Equal(
            [Simulators.Start.ToUnixTimeSeconds(), Simulators.Start.AddSeconds(1).ToUnixTimeSeconds(), Simulators.Start.AddSeconds(3).ToUnixTimeSeconds()],
            deliveries.Select(hook => SignatureCheck.Timestamp(hook.Signature!)));
        Assert.All(deliveries, hook => Assert.True(SignatureCheck.IsSignedWith(Simulators.Secret, hook.Signature!, hook.Body)));
    }

    [IntegrationLane]
    [Fact]
    public async Task An_event_is_given_up_after_the_last_attempt_and_then_counts_as_drained()
    {
        var clock = Simulators.Clock();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer(500, 500, 500);
        await using var sim = await Simulators.StartAsync(receiver.Url, clock, s => s with { WebhookMaxAttempts = 2, WebhookRetryBaseDelayMs = 500 });

        // contact.created and message.received: 500, 500, then the retries 500 (its last) and 202.
        sim.Admin.ReceiveSms(Simulators.Account, TestPhones.Ana, "Hello");
        await sim.Outbox.WaitUntilAsync(outbox => outbox.Attempts.Count == 2, Simulators.Guard());
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await sim.WaitForWebhooksAsync(Simulators.Guard());

        var (created, received) = (sim.Outbox.Events[0], sim.Outbox.Events[1]);
        Assert.Equal((WebhookEventStatus.Failed, 2, (DateTimeOffset?)null), (created.Status, created.Attempts, created.NextAttemptAt));
        Assert.Equal((WebhookEventStatus.Delivered, 2), (received.Status, received.Attempts));
        Assert.Equal(4, receiver.Received.Count);
    }

    [IntegrationLane]
    [Fact]
    public async Task A_receivers_retry_after_longer_than_the_backoff_is_honoured()
    {
        var clock = Simulators.Clock();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerWithRetryAfter(429, 30);
        await using var sim = await Simulators.StartAsync(receiver.Url, clock);

        sim.Admin.OptOut(Simulators.Account, TestPhones.Ana);
        await sim.Outbox.WaitUntilAsync(outbox => outbox.Attempts.Count == 3, Simulators.Guard());
        var waiting = sim.Outbox.Events[0];
        clock.Advance(TimeSpan.FromSeconds(30));
        await sim.WaitForWebhooksAsync(Simulators.Guard());

        Assert.Equal((429, Simulators.Start.AddSeconds(30)), (waiting.LastStatusCode, waiting.NextAttemptAt));
        Assert.All(sim.Outbox.Events, e => Assert.Equal(WebhookEventStatus.Delivered, e.Status));

        // contact.created waited; message.received and contact.updated were not held up by it.
        var ids = sim.Outbox.Events.Select(e => e.Id).ToList();
        Assert.Equal([ids[0], ids[1], ids[2], ids[0]], sim.Outbox.Attempts.Select(attempt => attempt.EventId));
    }

    [IntegrationLane]
    [Fact]
    public async Task An_unreachable_receiver_is_retried_and_the_attempt_says_why_without_the_url()
    {
        var clock = Simulators.Clock();
        var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.Url;
        await receiver.DisposeAsync();
        await using var sim = await Simulators.StartAsync(url, clock);

        sim.Admin.ReceiveSms(Simulators.Account, TestPhones.Ana, "Hello");
        await sim.Outbox.WaitUntilAsync(outbox => outbox.Attempts.Count == 2, Simulators.Guard());

        Assert.All(sim.Outbox.Attempts, attempt =>
        {
            Assert.Null(attempt.StatusCode);
            Assert.StartsWith("Connection failed", attempt.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("test-function-key", attempt.Error, StringComparison.Ordinal);
        });
        Assert.All(sim.Outbox.Events, e => Assert.Equal((WebhookEventStatus.Pending, Simulators.Start.AddSeconds(1)), (e.Status, e.NextAttemptAt!.Value)));
    }

    [IntegrationLane]
    [Fact]
    public async Task A_webhook_url_given_after_the_change_does_not_resend_what_had_no_target()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync();

        sim.Admin.ReceiveSms(Simulators.Account, TestPhones.Ana, "Before");
        sim.Settings = sim.Settings.WithAccount(Simulators.Account, Simulators.ApiKey, receiver.Url.ToString(), Simulators.Secret);
        sim.Admin.ReceiveSms(Simulators.Account, TestPhones.Ana, "After");
        await sim.WaitForWebhooksAsync(Simulators.Guard());

        var hook = Assert.Single(receiver.Received);
        Assert.Equal("After", hook.Json["data"]!["message"]!["body"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(1, null, 1_000)]
    [InlineData(2, null, 2_000)]
    [InlineData(4, null, 8_000)]
    [InlineData(10, null, 60_000)]
    [InlineData(1, 5_000, 5_000)]
    [InlineData(3, 1_000, 4_000)]
    [InlineData(1, 600_000, 60_000)]
    public void The_retry_delay_doubles_from_the_base_takes_a_longer_retry_after_and_stops_at_the_cap(int attemptsMade, int? retryAfterMs, int expectedMs)
    {
        var settings = new RoezanSimulatorSettings { WebhookRetryBaseDelayMs = 1_000, WebhookRetryMaxDelayMs = 60_000 };

        var delay = WebhookOutbox.RetryDelay(attemptsMade, retryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, settings);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }
}
