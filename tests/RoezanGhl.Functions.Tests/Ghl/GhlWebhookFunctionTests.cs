using System.Diagnostics.Metrics;
using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Sync;
using RoezanGhl.Engine.Intake;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Queueing;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.UnitTestSupport.Webhooks;

namespace RoezanGhl.Functions.Tests.Ghl;

[IntegrationLane]
public class GhlWebhookFunctionTests
{
    private static async Task<AppTestHost> StartAsync(Action<IServiceCollection>? services = null)
    {
        var builder = AppTestHost.Create().WithoutGhlSimulator().WithFakeTime();
        if (services is not null)
        {
            builder.WithServices(services);
        }

        return await builder.StartAsync();
    }

    private static JsonElement Json(ContentResult result) => JsonDocument.Parse(result.Content!).RootElement.Clone();

    [Fact]
    public async Task A_signed_contact_update_is_answered_200_accepted_and_queued_as_ghl_to_roezan_with_a_ledger_row()
    {
        await using var host = await StartAsync();
        var body = GhlSampleEvents.ContactUpdate("wh-1", host.Time.GetUtcNow());

        var result = await host.PostGhlAsync(body);

        Assert.Equal((200, "accepted", "wh-1"), (result.StatusCode, Json(result).GetProperty("status").GetString(), Json(result).GetProperty("webhookId").GetString()));
        var queued = Assert.Single(await host.PeekQueuedAsync());
        Assert.Equal((SyncDirection.GhlToRoezan, "ghl:wh-1", "ghl-c-1", "acme"), (queued.Direction, queued.Event.Id, queued.Ghl!.ContactId, queued.AccountId));
        var raw = Assert.Single(await host.PeekRawAsync());
        var message = JsonDocument.Parse(Convert.FromBase64String(raw)).RootElement;
        Assert.Equal(("ghl", "roezan"), (message.GetProperty("source").GetString(), message.GetProperty("target").GetString()));
        var row = await host.ReadLedgerAsync("ghl:wh-1");
        Assert.Equal((EventLedgerStatus.Queued, SyncDirection.GhlToRoezan, "ghl-c-1"), (row.Status, row.Direction, row.SourceContactId));
    }

    [Fact]
    public async Task A_repeated_webhook_id_is_answered_200_duplicate_and_nothing_more_is_queued()
    {
        await using var host = await StartAsync();
        var body = GhlSampleEvents.ContactUpdate("wh-dup", host.Time.GetUtcNow());
        await host.PostGhlAsync(body);

        var again = await host.PostGhlAsync(body);

        Assert.Equal((200, "duplicate"), (again.StatusCode, Json(again).GetProperty("status").GetString()));
        Assert.Single(await host.PeekRawAsync());
    }

    [Fact]
    public async Task A_wrong_content_type_is_415_before_the_signature_is_looked_at()
    {
        await using var host = await StartAsync();

        var result = await host.PostGhlAsync("{}", signature: "not-checked", contentType: "text/plain");

        Assert.Equal((415, "application/problem+json; charset=utf-8"), (result.StatusCode, result.ContentType));
        Assert.Equal("urn:roezan-ghl:problem:unsupported-media-type", Json(result).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        await using var host = await AppTestHost.Create().WithoutGhlSimulator().WithFakeTime().WithSetting("GhlWebhook:MaxBodyBytes", "2048").StartAsync();
        var body = GhlSampleEvents.ContactUpdate("wh-big", host.Time.GetUtcNow(), firstName: new string('a', 3000));

        var result = await host.PostGhlAsync(body);

        Assert.Equal(413, result.StatusCode);
        Assert.Empty(await host.PeekRawAsync());
    }

    [Fact]
    public async Task A_body_signed_by_another_key_is_401_and_nothing_is_queued()
    {
        await using var host = await StartAsync();
        var body = GhlSampleEvents.ContactUpdate("wh-forged", host.Time.GetUtcNow());

        var result = await host.PostGhlAsync(body, signature: new GhlSimulator.Webhooks.GhlWebhookSigningKey().Sign(body));

        Assert.Equal((401, "urn:roezan-ghl:problem:signature-mismatch"), (result.StatusCode, Json(result).GetProperty("type").GetString()));
        Assert.Empty(await host.PeekRawAsync());
    }

    [Theory]
    [InlineData(-6, "timestamp-too-old")]
    [InlineData(6, "timestamp-in-the-future")]
    public async Task A_timestamp_more_than_five_minutes_away_is_401(int minutes, string code)
    {
        await using var host = await StartAsync();
        var body = GhlSampleEvents.ContactUpdate("wh-time", host.Time.GetUtcNow().AddMinutes(minutes));

        var result = await host.PostGhlAsync(body);

        Assert.Equal((401, "urn:roezan-ghl:problem:" + code), (result.StatusCode, Json(result).GetProperty("type").GetString()));
        Assert.Empty(await host.PeekRawAsync());
    }

    [Fact]
    public async Task A_contract_breach_is_400_naming_the_field()
    {
        await using var host = await StartAsync();
        var body = GhlSampleEvents.ContactUpdate("wh-bad", host.Time.GetUtcNow()).Replace("\"locationId\":\"loc-acme\",", string.Empty, StringComparison.Ordinal);

        var result = await host.PostGhlAsync(body);

        Assert.Equal(400, result.StatusCode);
        Assert.True(Json(result).GetProperty("errors").TryGetProperty("/locationId", out _), result.Content);
    }

    [Fact]
    public async Task An_unknown_location_is_200_ignored_never_queued_and_logged_once()
    {
        await using var host = await StartAsync();
        var now = host.Time.GetUtcNow();

        var first = await host.PostGhlAsync(GhlSampleEvents.ContactUpdate("wh-u1", now, locationId: "loc-nobody"));
        var second = await host.PostGhlAsync(GhlSampleEvents.ContactUpdate("wh-u2", now, locationId: "loc-nobody"));

        Assert.Equal((200, "ignored", 200), (first.StatusCode, Json(first).GetProperty("status").GetString(), second.StatusCode));
        Assert.Empty(await host.PeekRawAsync());
        Assert.Single(host.Logs.GetSnapshot(), record => record.Id.Id == 2203);
    }

    [Fact]
    public void The_unknown_location_memory_is_bounded()
    {
        var locations = new GhlUnknownLocations();
        var firsts = Enumerable.Range(0, GhlUnknownLocations.Capacity + 10).Count(i => locations.FirstTime("loc-" + i));

        Assert.Equal(GhlUnknownLocations.Capacity, firsts);
        Assert.False(locations.FirstTime("loc-0"));
    }

    [Fact]
    public async Task A_type_the_sync_does_not_apply_is_acknowledged_counted_by_type_and_not_queued()
    {
        await using var host = await StartAsync();
        using var counter = new MetricCollector<long>(host.Get<IMeterFactory>(), EventOutcomeReporter.MeterName, GhlWebhookMeter.CounterName);

        var result = await host.PostGhlAsync(GhlSampleEvents.Other("wh-opp", host.Time.GetUtcNow()));

        Assert.Equal((200, "acknowledged"), (result.StatusCode, Json(result).GetProperty("status").GetString()));
        Assert.Empty(await host.PeekRawAsync());
        var measurement = Assert.Single(counter.GetMeasurementSnapshot());
        Assert.Equal(("not_applied", "OpportunityCreate"), ((string)measurement.Tags["outcome"]!, (string)measurement.Tags["type"]!));
    }

    [Fact]
    public async Task Unreachable_storage_is_429_with_retry_after_never_5xx_and_the_retry_is_queued_once()
    {
        var failures = new FailingQueue.Budget(1);
        await using var host = await StartAsync(services => services.Replace(ServiceDescriptor.Singleton<RoezanEventQueueClient>(
            sp => new FailingQueue(ActivatorUtilities.CreateInstance<RoezanEventQueueClient>(sp), failures, () => new RequestFailedException(503, "injected storage outage")))));
        var body = GhlSampleEvents.ContactUpdate("wh-outage", host.Time.GetUtcNow());

        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        var first = await host.Get<GhlWebhookIngestor>().IngestAsync(
            new GhlWebhookRequest("application/json", bytes.Length, GhlSimulator.Webhooks.GhlWebhookSigningKey.Shared.Sign(bytes), null, new MemoryStream(bytes)), CancellationToken.None);

        Assert.Equal((429, "60"), (first.StatusCode, first.RetryAfterHeader));
        Assert.Contains("urn:roezan-ghl:problem:unavailable", first.ToJson(), StringComparison.Ordinal);
        Assert.Empty(await host.PeekRawAsync());
        Assert.Equal(200, (await host.PostGhlAsync(body)).StatusCode);
        Assert.Single(await host.PeekRawAsync());
    }

    [Fact]
    public async Task A_bug_in_the_door_is_answered_429_so_that_ghl_redelivers_and_is_logged_as_an_error()
    {
        var failures = new FailingQueue.Budget(1);
        await using var host = await StartAsync(services => services.Replace(ServiceDescriptor.Singleton<RoezanEventQueueClient>(
            sp => new FailingQueue(ActivatorUtilities.CreateInstance<RoezanEventQueueClient>(sp), failures, () => new InvalidOperationException("bug (test)")))));
        var body = GhlSampleEvents.ContactUpdate("wh-bug", host.Time.GetUtcNow());

        var first = await host.PostGhlAsync(body);

        Assert.Equal(429, first.StatusCode);
        Assert.Contains(host.Logs.GetSnapshot(), record => record.Id.Id == 2207 && record.Level == LogLevel.Error);
        var retry = await host.PostGhlAsync(body);
        Assert.Equal((200, "accepted"), (retry.StatusCode, Json(retry).GetProperty("status").GetString()));
        Assert.Single(await host.PeekRawAsync());
    }

    /// <summary>Fails the first sends it is given, then behaves.</summary>
    private sealed class FailingQueue(RoezanEventQueueClient inner, FailingQueue.Budget failures, Func<Exception> failure) : RoezanEventQueueClient
    {
        public override string QueueName => inner.QueueName;

        public override Task<string> EnqueueAsync(QueuedRoezanEvent queued, BinaryData serialized, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref failures.Remaining) >= 0 ? throw failure() : inner.EnqueueAsync(queued, serialized, cancellationToken);

        public override Task<QueuedRoezanEvent> ReadAsync(BinaryData body, CancellationToken cancellationToken) => inner.ReadAsync(body, cancellationToken);

        public sealed class Budget(int remaining)
        {
            public int Remaining = remaining;
        }
    }
}
