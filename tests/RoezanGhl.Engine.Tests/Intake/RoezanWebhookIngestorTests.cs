using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Events;
using RoezanGhl.Engine.Intake;
using RoezanGhl.Storage;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Queueing;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Webhooks;

namespace RoezanGhl.Engine.Tests.Intake;

/// <summary>The whole door against Azurite: what is answered, what lands on the queue, what the ledger says.</summary>
[IntegrationLane]
public class RoezanWebhookIngestorTests
{
    [Fact]
    public async Task An_accepted_event_is_on_the_queue_once_normalized_and_readable_as_the_trigger_reads_it()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();

        var result = await rig.PostAsync(RoezanSampleEvents.ContactUpdated("evt_accept_1"));

        Assert.Equal((RoezanIngestOutcome.Accepted, 202, "evt_accept_1"), (result.Outcome, result.StatusCode, result.EventId));
        Assert.Equal("""{"status":"accepted","eventId":"evt_accept_1"}""", result.ToJson());
        var queued = Assert.Single(await rig.PeekEventsAsync());
        Assert.Equal("acme", queued.AccountId);
        Assert.Equal(rig.Time.GetUtcNow(), queued.AcceptedAt);
        Assert.Equal("evt_accept_1", queued.Event.Id);
        Assert.Equal("+12015550123", queued.Event.Data!.Contact!.Phone);
        Assert.Equal("ana.diaz@example.com", queued.Event.Data.Contact.Email);
        var row = await rig.Ledger.GetAsync("acme", "evt_accept_1", CancellationToken.None);
        Assert.Equal(EventLedgerStatus.Queued, row!.Status);
        Assert.Equal(("contact.updated", "c_1001", (DateTimeOffset?)null), (row.Type, row.SourceContactId, row.ClaimedAt));
    }

    [Fact]
    public async Task Every_event_type_is_accepted()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        foreach (var body in RoezanSampleEvents.All())
        {
            var result = await rig.PostAsync(body);
            Assert.True(result.Outcome == RoezanIngestOutcome.Accepted, result.ToJson());
        }

        Assert.Equal(RoezanSampleEvents.All().Count(), (await rig.PeekRawAsync()).Count);
    }

    [Fact]
    public async Task The_same_event_posted_twice_is_queued_once_and_the_repeat_is_a_duplicate()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var body = RoezanSampleEvents.NoteCreated("evt_twice");

        var first = await rig.PostAsync(body);
        rig.Time.Advance(TimeSpan.FromMinutes(2));
        var second = await rig.PostAsync(body);

        Assert.Equal(RoezanIngestOutcome.Accepted, first.Outcome);
        Assert.Equal((RoezanIngestOutcome.Duplicate, 200), (second.Outcome, second.StatusCode));
        Assert.Equal("""{"status":"duplicate","eventId":"evt_twice"}""", second.ToJson());
        Assert.Single(await rig.PeekRawAsync());
        Assert.Contains(rig.Logs.GetSnapshot(), r => r.Id.Id == 2002 && r.Message.Contains("evt_twice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ten_parallel_posts_of_one_event_put_exactly_one_message_on_the_queue()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var body = RoezanSampleEvents.ContactUpdated("evt_parallel");

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => rig.PostAsync(body))));

        Assert.Single(results, r => r.Outcome == RoezanIngestOutcome.Accepted);
        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { RoezanIngestOutcome.Accepted, RoezanIngestOutcome.Duplicate, RoezanIngestOutcome.InFlight }));
        Assert.Single(await rig.PeekRawAsync());
    }

    [Fact]
    public async Task A_delivery_while_another_holds_the_claim_is_asked_to_retry_not_called_a_duplicate()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var body = RoezanSampleEvents.NoteCreated("evt_in_flight");
        var evt = RoezanEventJson.Parse(body);
        await rig.Ledger.ClaimAsync(RoezanLedgerIntake.Of("acme", evt), "webhook:crashed", TimeSpan.FromSeconds(30), CancellationToken.None);
        rig.Time.Advance(TimeSpan.FromSeconds(10));

        var result = await rig.PostAsync(body);

        Assert.Equal((RoezanIngestOutcome.InFlight, 503), (result.Outcome, result.StatusCode));
        Assert.Equal("20", result.RetryAfterHeader);
        Assert.Empty(await rig.PeekRawAsync());
    }

    [Fact]
    public async Task A_claim_left_by_an_instance_that_died_before_enqueuing_is_taken_over_after_the_timeout()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var body = RoezanSampleEvents.NoteCreated("evt_orphan");
        await rig.Ledger.ClaimAsync(RoezanLedgerIntake.Of("acme", RoezanEventJson.Parse(body)), "webhook:crashed", TimeSpan.FromSeconds(30), CancellationToken.None);
        rig.Time.Advance(TimeSpan.FromSeconds(31));

        var result = await rig.PostAsync(body);

        Assert.Equal(RoezanIngestOutcome.Accepted, result.Outcome);
        Assert.Single(await rig.PeekRawAsync());
        Assert.Equal(EventLedgerStatus.Queued, (await rig.Ledger.GetAsync("acme", "evt_orphan", CancellationToken.None))!.Status);
        Assert.Contains(rig.Logs.GetSnapshot(), r => r.Id.Id == 2101);
    }

    [Fact]
    public async Task The_claim_timeout_is_a_setting()
    {
        await using var rig = await RoezanWebhookRig.StartAsync(settings: new Dictionary<string, string?> { ["Webhook:ClaimTimeout"] = "00:00:05" });
        var body = RoezanSampleEvents.NoteCreated("evt_short_claim");
        await rig.Ledger.ClaimAsync(RoezanLedgerIntake.Of("acme", RoezanEventJson.Parse(body)), "webhook:crashed", TimeSpan.FromSeconds(5), CancellationToken.None);
        rig.Time.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(RoezanIngestOutcome.Accepted, (await rig.PostAsync(body)).Outcome);
    }

    [Fact]
    public async Task A_failed_enqueue_releases_the_claim_so_that_the_retry_queues_the_event_exactly_once()
    {
        var failures = new FailingQueueClient.Budget(1);
        await using var rig = await RoezanWebhookRig.StartAsync(services => services.Replace(ServiceDescriptor.Singleton<RoezanEventQueueClient>(
            sp => new FailingQueueClient(ActivatorUtilities.CreateInstance<RoezanEventQueueClient>(sp), failures))));
        var body = RoezanSampleEvents.ContactUpdated("evt_enqueue_fails");

        var first = await rig.PostAsync(body);

        Assert.Equal((RoezanIngestOutcome.Unavailable, 503, "evt_enqueue_fails"), (first.Outcome, first.StatusCode, first.EventId));
        Assert.NotNull(first.RetryAfterHeader);
        Assert.Empty(await rig.PeekRawAsync());
        var row = await rig.Ledger.GetAsync("acme", "evt_enqueue_fails", CancellationToken.None);
        Assert.Equal((EventLedgerStatus.Received, (DateTimeOffset?)null), (row!.Status, row.ClaimedAt));
        Assert.Contains("enqueue failed", row.LastError, StringComparison.Ordinal);

        var retry = await rig.PostAsync(body);

        Assert.Equal(RoezanIngestOutcome.Accepted, retry.Outcome);
        Assert.Single(await rig.PeekRawAsync());
        Assert.Equal(RoezanIngestOutcome.Duplicate, (await rig.PostAsync(body)).Outcome);
        Assert.Single(await rig.PeekRawAsync());
    }

    [Fact]
    public async Task An_instance_dying_after_enqueue_but_before_marking_queued_can_cause_a_second_message_after_the_timeout()
    {
        // The documented edge: the processor's ledger status check is what keeps the effect exactly-once.
        await using var rig = await RoezanWebhookRig.StartAsync();
        var body = RoezanSampleEvents.NoteCreated("evt_edge");
        var evt = RoezanEventJson.Parse(body);
        await rig.Ledger.ClaimAsync(RoezanLedgerIntake.Of("acme", evt), "webhook:crashed", TimeSpan.FromSeconds(30), CancellationToken.None);
        await rig.Queue.EnqueueAsync(new QueuedRoezanEvent { AccountId = "acme", AcceptedAt = rig.Time.GetUtcNow(), Event = evt }, CancellationToken.None);
        rig.Time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(RoezanIngestOutcome.Accepted, (await rig.PostAsync(body)).Outcome);

        var queued = await rig.PeekEventsAsync();
        Assert.Equal(2, queued.Count);
        Assert.All(queued, q => Assert.Equal("evt_edge", q.Event.Id));
    }

    public static TheoryData<string, int, RoezanIngestOutcome> Rejections() => new()
    {
        { "unknown account", 404, RoezanIngestOutcome.UnknownAccount },
        { "text/plain", 415, RoezanIngestOutcome.UnsupportedMediaType },
        { "no content type", 415, RoezanIngestOutcome.UnsupportedMediaType },
        { "latin-1 charset", 415, RoezanIngestOutcome.UnsupportedMediaType },
        { "declared too large", 413, RoezanIngestOutcome.PayloadTooLarge },
        { "streamed too large", 413, RoezanIngestOutcome.PayloadTooLarge },
        { "no signature", 401, RoezanIngestOutcome.Unauthorized },
        { "wrong secret", 401, RoezanIngestOutcome.Unauthorized },
        { "stale signature", 401, RoezanIngestOutcome.Unauthorized },
        { "future signature", 401, RoezanIngestOutcome.Unauthorized },
        { "body changed after signing", 401, RoezanIngestOutcome.Unauthorized },
        { "no secret configured", 401, RoezanIngestOutcome.Unauthorized },
        { "not json", 400, RoezanIngestOutcome.MalformedJson },
        { "missing id", 400, RoezanIngestOutcome.Invalid },
        { "unknown type", 400, RoezanIngestOutcome.Invalid },
        { "other account in body", 400, RoezanIngestOutcome.Invalid },
        { "unreadable phone", 400, RoezanIngestOutcome.Invalid },
        { "bad email", 400, RoezanIngestOutcome.Invalid },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task A_rejected_request_gets_its_own_answer_and_leaves_the_queue_and_ledger_untouched(string problem, int status, RoezanIngestOutcome outcome)
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var body = RoezanSampleEvents.ContactUpdated("evt_rejected");
        var account = "acme";
        var now = rig.Time.GetUtcNow();
        RoezanWebhookRequest request;
        switch (problem)
        {
            case "unknown account": account = "nobody"; request = RoezanWebhookRig.Request(body, rig.Sign(body)); break;
            case "text/plain": request = RoezanWebhookRig.Request(body, rig.Sign(body), "text/plain"); break;
            case "no content type": request = RoezanWebhookRig.Request(body, rig.Sign(body), null); break;
            case "latin-1 charset": request = RoezanWebhookRig.Request(body, rig.Sign(body), "application/json; charset=iso-8859-1"); break;
            case "declared too large": request = new RoezanWebhookRequest("application/json", 300_000, rig.Sign(body), new MemoryStream(Encoding.UTF8.GetBytes(body))); break;
            case "streamed too large":
                var big = body.Replace("\"meta\"", $"\"padding\":\"{new string('p', 270_000)}\",\"meta\"", StringComparison.Ordinal);
                request = RoezanWebhookRig.Request(big, rig.Sign(big), declareLength: false);
                break;
            case "no signature": request = RoezanWebhookRig.Request(body, null); break;
            case "wrong secret": request = RoezanWebhookRig.Request(body, rig.Sign(body, secret: "test-secret-2")); break;
            case "stale signature": request = RoezanWebhookRig.Request(body, rig.Sign(body, now.AddMinutes(-6))); break;
            case "future signature": request = RoezanWebhookRig.Request(body, rig.Sign(body, now.AddMinutes(6))); break;
            case "body changed after signing": request = RoezanWebhookRig.Request(body.Replace("c_1001", "c_1002", StringComparison.Ordinal), rig.Sign(body)); break;
            case "no secret configured": account = "unsigned"; request = RoezanWebhookRig.Request(body, rig.Sign(body)); break;
            default:
                var bad = problem switch
                {
                    "not json" => "id=evt_rejected&type=contact.updated",
                    "missing id" => body.Replace("\"id\": \"evt_rejected\",", string.Empty, StringComparison.Ordinal),
                    "unknown type" => body.Replace("contact.updated", "contact.merged", StringComparison.Ordinal),
                    "other account in body" => body.Replace("\"accountId\": \"acme\"", "\"accountId\": \"globex\"", StringComparison.Ordinal),
                    "unreadable phone" => body.Replace("(201) 555-0123", "12345", StringComparison.Ordinal),
                    _ => body.Replace("Ana.Diaz@Example.COM", "ana.diaz(at)example.com", StringComparison.Ordinal),
                };
                Assert.NotEqual(body, bad);
                request = RoezanWebhookRig.Request(bad, rig.Sign(bad));
                break;
        }

        var result = await rig.Ingestor.IngestAsync(account, request, CancellationToken.None);

        Assert.Equal((outcome, status), (result.Outcome, result.StatusCode));
        Assert.StartsWith("application/problem+json", result.ContentType, StringComparison.Ordinal);
        Assert.StartsWith(RoezanIngestResult.ProblemTypePrefix, result.ProblemType, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail));
        Assert.Empty(await rig.PeekRawAsync());
        Assert.Null(await rig.Ledger.GetAsync("acme", "evt_rejected", CancellationToken.None));
        Assert.Contains(rig.Logs.GetSnapshot(), r => r.Id.Id == 2004 && r.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Invalid_events_name_every_failing_field_in_the_problem()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var body = RoezanSampleEvents.ContactUpdated("evt_bad_fields")
            .Replace("(201) 555-0123", "12345", StringComparison.Ordinal)
            .Replace("Ana.Diaz@Example.COM", "not-an-email", StringComparison.Ordinal);

        var result = await rig.PostAsync(body);

        Assert.Equal(RoezanIngestOutcome.Invalid, result.Outcome);
        Assert.Equal("evt_bad_fields", result.EventId);
        Assert.Equal(["data.contact.email", "data.contact.phone"], result.Errors!.Keys.Order());
        using var json = System.Text.Json.JsonDocument.Parse(result.ToJson());
        Assert.Equal("urn:roezan-ghl:problem:invalid-event", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("evt_bad_fields", json.RootElement.GetProperty("eventId").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("errors").EnumerateObject().Count());
    }

    [Fact]
    public async Task Checks_run_in_the_contracts_order()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var body = "not json";
        var big = new RoezanWebhookRequest("text/plain", 300_000, null, new MemoryStream(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(RoezanIngestOutcome.UnknownAccount, (await rig.Ingestor.IngestAsync("nobody", big, CancellationToken.None)).Outcome);
        Assert.Equal(RoezanIngestOutcome.UnsupportedMediaType, (await rig.Ingestor.IngestAsync("acme", big, CancellationToken.None)).Outcome);
        Assert.Equal(RoezanIngestOutcome.PayloadTooLarge, (await rig.Ingestor.IngestAsync("acme", big with { ContentType = "application/json" }, CancellationToken.None)).Outcome);
        Assert.Equal(RoezanIngestOutcome.Unauthorized, (await rig.Ingestor.IngestAsync("acme", RoezanWebhookRig.Request(body, null), CancellationToken.None)).Outcome);
        Assert.Equal(RoezanIngestOutcome.MalformedJson, (await rig.Ingestor.IngestAsync("acme", RoezanWebhookRig.Request(body, rig.Sign(body)), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task An_oversized_body_is_not_read_past_the_limit()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        using var endless = new CountingStream();

        var result = await rig.Ingestor.IngestAsync("acme", new RoezanWebhookRequest("application/json", null, null, endless), CancellationToken.None);

        Assert.Equal(RoezanIngestOutcome.PayloadTooLarge, result.Outcome);
        Assert.InRange(endless.BytesRead, RoezanWebhookOptions.DefaultMaxBodyBytes + 1, RoezanWebhookOptions.DefaultMaxBodyBytes + 1);
    }

    [Fact]
    public async Task A_body_exactly_at_the_limit_is_read()
    {
        await using var rig = await RoezanWebhookRig.StartAsync(settings: new Dictionary<string, string?> { ["Webhook:MaxBodyBytes"] = "2048" });
        var body = RoezanSampleEvents.NoteCreated("evt_at_limit");
        var head = body.TrimEnd()[..^1] + ",\"pad\":\"";
        body = head + new string('p', 2048 - Encoding.UTF8.GetByteCount(head) - 2) + "\"}";
        Assert.Equal(2048, Encoding.UTF8.GetByteCount(body));

        Assert.Equal(RoezanIngestOutcome.Accepted, (await rig.Ingestor.IngestAsync("acme", RoezanWebhookRig.Request(body, rig.Sign(body), declareLength: false), CancellationToken.None)).Outcome);
        var over = body.Replace("\"pad\":\"", "\"pad\":\"p", StringComparison.Ordinal);
        Assert.Equal(RoezanIngestOutcome.PayloadTooLarge, (await rig.Ingestor.IngestAsync("acme", RoezanWebhookRig.Request(over, rig.Sign(over), declareLength: false), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task An_account_without_a_secret_is_refused_with_an_error_log_naming_the_account_but_not_a_secret()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var body = RoezanSampleEvents.NoteCreated();

        var result = await rig.Ingestor.IngestAsync("unsigned", RoezanWebhookRig.Request(body, rig.Sign(body)), CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("No webhook secret is configured", result.Detail, StringComparison.Ordinal);
        var log = Assert.Single(rig.Logs.GetSnapshot(), r => r.Id.Id == 2005);
        Assert.Equal(LogLevel.Error, log.Level);
        Assert.Contains("unsigned", log.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(rig.Logs.GetSnapshot(), r => r.Message.Contains(RoezanWebhookRig.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_secret_store_outage_is_a_503_and_nothing_is_queued()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        rig.Secrets.Failure = new RequestFailedException(503, "vault unavailable");

        var result = await rig.PostAsync(RoezanSampleEvents.NoteCreated());

        Assert.Equal((RoezanIngestOutcome.Unavailable, 503), (result.Outcome, result.StatusCode));
        Assert.Empty(await rig.PeekRawAsync());
    }

    [Theory]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(NullReferenceException))]
    [InlineData(typeof(FormatException))]
    public async Task A_bug_reading_the_secret_is_no_outage_it_escapes_so_that_the_function_answers_500(Type bug)
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        rig.Secrets.Failure = (Exception)Activator.CreateInstance(bug, "bug (test)")!;

        await Assert.ThrowsAsync(bug, () => rig.PostAsync(RoezanSampleEvents.NoteCreated()));

        Assert.Empty(await rig.PeekRawAsync());
    }

    [Fact]
    public async Task A_bug_while_queueing_gives_the_claim_back_and_escapes_so_that_a_retry_is_accepted_at_once()
    {
        var failures = new FailingQueueClient.Budget(1);
        await using var rig = await RoezanWebhookRig.StartAsync(services => services.Replace(ServiceDescriptor.Singleton<RoezanEventQueueClient>(
            sp => new FailingQueueClient(ActivatorUtilities.CreateInstance<RoezanEventQueueClient>(sp), failures, () => new InvalidOperationException("bug (test)")))));
        var body = RoezanSampleEvents.NoteCreated("evt_enqueue_bug");

        await Assert.ThrowsAsync<InvalidOperationException>(() => rig.PostAsync(body));

        var row = await rig.Ledger.GetAsync("acme", "evt_enqueue_bug", CancellationToken.None);
        Assert.Equal((EventLedgerStatus.Received, (DateTimeOffset?)null), (row!.Status, row.ClaimedAt));
        Assert.Equal(RoezanIngestOutcome.Accepted, (await rig.PostAsync(body)).Outcome);
        Assert.Single(await rig.PeekRawAsync());
    }

    [Fact]
    public async Task Unreachable_ledger_storage_is_a_503_and_nothing_is_queued()
    {
        await using var rig = await RoezanWebhookRig.StartAsync(services => services.Replace(ServiceDescriptor.Singleton(UnreachableLedger)));

        var result = await rig.PostAsync(RoezanSampleEvents.NoteCreated("evt_no_ledger"));

        Assert.Equal((RoezanIngestOutcome.Unavailable, 503, "evt_no_ledger"), (result.Outcome, result.StatusCode, result.EventId));
        Assert.Equal("30", result.RetryAfterHeader);
        Assert.Empty(await rig.PeekRawAsync());
        Assert.Contains(rig.Logs.GetSnapshot(), r => r.Id.Id == 2007 && r.Level == LogLevel.Error);
    }

    [Fact]
    public async Task The_account_in_the_url_is_case_insensitive_and_the_configured_spelling_is_queued()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();

        Assert.Equal(RoezanIngestOutcome.Accepted, (await rig.PostAsync(RoezanSampleEvents.NoteCreated(), accountId: "ACME")).Outcome);

        Assert.Equal("acme", Assert.Single(await rig.PeekEventsAsync()).AccountId);
    }

    [Fact]
    public async Task An_event_too_large_for_a_queue_message_travels_through_a_blob_and_reads_back_whole()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var longBody = string.Concat(Enumerable.Repeat("山田さんへの折り返し電話。", 1500));
        var body = JsonTemplate.Fill("""{"id":"evt_big","type":"note.created","occurredAt":"2026-11-24T10:00:00Z","data":{"note":{"id":"n","contactId":"c","body":"$0"}}}""", longBody);

        Assert.Equal(RoezanIngestOutcome.Accepted, (await rig.PostAsync(body)).Outcome);

        var raw = Assert.Single(await rig.PeekRawAsync());
        Assert.True(raw.Length < 2048, $"the message should be a stub, is {raw.Length} characters");
        var stub = RoezanEventQueueClient.Deserialize(HostQueueMessageEncoding.DecodeAsTrigger(raw));
        Assert.NotNull(stub.PayloadBlob);
        Assert.Null(stub.Event.Data);
        var whole = await rig.Queue.ReadAsync(HostQueueMessageEncoding.DecodeAsTrigger(raw), CancellationToken.None);
        Assert.Equal(longBody, whole.Event.Data!.Note!.Body);
        Assert.Null(whole.PayloadBlob);
    }

    [Fact]
    public async Task The_accepted_log_carries_event_id_type_and_account_as_fields()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();

        await rig.PostAsync(RoezanSampleEvents.TaskCreated("evt_logged"));

        var log = Assert.Single(rig.Logs.GetSnapshot(), r => r.Id.Id == 2001);
        var fields = log.StructuredState!.ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal(("evt_logged", "task.created", "acme"), (fields["EventId"], fields["EventType"], fields["AccountId"]));
    }

    /// <summary>The ledger against a table endpoint nothing listens on, without retries: storage the SDK gave up on.</summary>
    private static EventLedger UnreachableLedger(IServiceProvider services) => new(
        new TableServiceClient(
            new Uri("http://127.0.0.1:1/devstoreaccount1"),
            new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[32])),
            new TableClientOptions { Retry = { MaxRetries = 0 } }),
        services.GetRequiredService<StorageNames>(),
        services.GetRequiredService<StateBlobs>(),
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILogger<EventLedger>>());

    /// <summary>Fails the first sends it is given (a storage error unless told otherwise), then behaves.</summary>
    private sealed class FailingQueueClient(RoezanEventQueueClient inner, FailingQueueClient.Budget failures, Func<Exception>? failure = null) : RoezanEventQueueClient
    {
        public override string QueueName => inner.QueueName;

        public override Task<string> EnqueueAsync(QueuedRoezanEvent queued, BinaryData serialized, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref failures.Remaining) >= 0
                ? throw (failure?.Invoke() ?? new RequestFailedException(500, "injected queue failure"))
                : inner.EnqueueAsync(queued, serialized, cancellationToken);

        public override Task<QueuedRoezanEvent> ReadAsync(BinaryData body, CancellationToken cancellationToken) => inner.ReadAsync(body, cancellationToken);

        public sealed class Budget(int remaining)
        {
            public int Remaining = remaining;
        }
    }

    /// <summary>An endless body that counts what was read from it.</summary>
    private sealed class CountingStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(count, 1000);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
