using Azure;
using Azure.Data.Tables;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Webhooks;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Storage.Tests.Ledger;

/// <summary>
/// The one row shape: rows written by earlier releases (the webhook's typed entity, the processor's merges with empty
/// strings for cleared columns, the processor's inserts without identity columns) read as they are, and every column
/// survives a write and a read under the names those releases used.
/// </summary>
[IntegrationLane]
public sealed class EventLedgerRowTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    // An earlier release's plan column, as SyncStateJsonContext wrote it.
    private const string StoredPlan = """
        {"eventId":"evt_old","eventType":"contact.updated","accountId":"acme","disposition":0,"reason":"update","contact":{"roezanContactId":"c_1"},"ghlContactId":"g_1",
         "steps":[{"kind":"updateContact","fields":{"lastName":"Diaz"},"reason":"a"},{"kind":"addTags","tags":["vip"],"reason":"b"}]}
        """;

    private RoezanWebhookRig _rig = null!;
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        _rig = await RoezanWebhookRig.StartAsync();
        _table = new TableServiceClient(Azurite.ConnectionString).GetTableClient(_rig.Ledger.TableName);
        await _table.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task A_row_only_the_webhook_wrote_in_an_earlier_release_reads_as_roezan_to_ghl_with_every_default()
    {
        // The columns of the webhook's typed entity: nulls were not written.
        await _table.AddEntityAsync(new TableEntity(EventLedgerKeys.PartitionKey("acme"), EventLedgerKeys.RowKey("evt_webhook"))
        {
            ["AccountId"] = "acme",
            ["EventId"] = "evt_webhook",
            ["Type"] = "note.created",
            ["Status"] = "Queued",
            ["Attempts"] = 0,
            ["ContactId"] = "c_77",
            ["OccurredAt"] = At,
            ["AcceptedAt"] = At.AddSeconds(1),
            ["UpdatedAt"] = At.AddSeconds(2),
        });

        var entry = await _rig.Ledger.ReadAsync("acme", "evt_webhook", CancellationToken.None);

        Assert.True(entry.Exists);
        Assert.Equal(("acme", "evt_webhook", "note.created", EventLedgerStatus.Queued, 0), (entry.AccountId, entry.EventId, entry.Type, entry.Status, entry.Attempts));
        Assert.Equal(("c_77", (string?)null, (string?)null), (entry.SourceContactId, entry.TargetContactId, entry.TargetTraceId));
        Assert.Equal((At, At.AddSeconds(1), At.AddSeconds(2)), (entry.OccurredAt!.Value, entry.AcceptedAt!.Value, entry.UpdatedAt!.Value));
        Assert.Equal(SyncDirection.RoezanToGhl, entry.Direction);
        Assert.Equal((true, (SyncPlan?)null, 0, 0), (entry.CleanStop, entry.Plan, entry.Progress.Steps.Count, entry.Leases.Count));
        Assert.Equal(((string?)null, (DateTimeOffset?)null, (string?)null, (string?)null), (entry.ClaimedBy, entry.ClaimedAt, entry.LastError, entry.Outcome));
    }

    [Fact]
    public async Task A_row_the_processor_merged_into_in_an_earlier_release_reads_its_plan_and_treats_empty_strings_as_cleared()
    {
        await _table.AddEntityAsync(new TableEntity(EventLedgerKeys.PartitionKey("acme"), EventLedgerKeys.RowKey("evt_old"))
        {
            ["AccountId"] = "acme",
            ["EventId"] = "evt_old",
            ["Type"] = "contact.updated",
            ["ContactId"] = "c_1",
            ["OccurredAt"] = At,
            ["AcceptedAt"] = At,
            // The processor's merge: cleared columns are empty strings, and a released claim keeps its time.
            ["Status"] = "Waiting",
            ["Attempts"] = 2,
            ["LastError"] = "",
            ["GhlTraceId"] = "",
            ["Outcome"] = "waiting: rate limited",
            ["GhlContactId"] = "g_1",
            ["Plan"] = StoredPlan,
            ["Progress"] = """{"steps":[{"ghlContactId":"g_1"}],"ghlContactId":"g_1"}""",
            ["Leases"] = """["contact:g_1"]""",
            ["ClaimedBy"] = "",
            ["ClaimedAt"] = At.AddMinutes(1),
            ["CleanStop"] = false,
            ["UpdatedAt"] = At.AddMinutes(2),
            ["LastAttemptAt"] = At.AddMinutes(1),
        });

        var entry = await _rig.Ledger.ReadAsync("acme", "evt_old", CancellationToken.None);

        Assert.Equal((EventLedgerStatus.Waiting, 2, (string?)null, (string?)null), (entry.Status, entry.Attempts, entry.LastError, entry.TargetTraceId));
        Assert.Equal(("waiting: rate limited", "g_1", "c_1"), (entry.Outcome, entry.TargetContactId, entry.SourceContactId));
        Assert.Equal([typeof(UpdateContactStep), typeof(AddTagsStep)], entry.Plan!.Steps.Select(step => step.GetType()));
        Assert.Equal("g_1", Assert.Single(entry.Progress.Steps).GhlContactId);
        Assert.Equal(["contact:g_1"], entry.Leases);
        Assert.Equal(((string?)null, At.AddMinutes(1), false, At.AddMinutes(1)), (entry.ClaimedBy, entry.ClaimedAt, entry.CleanStop, entry.LastAttemptAt));
        Assert.False(entry.IsHeldByAnotherRun(EventLedger.ProcessorClaimPrefix + "me", At.AddMinutes(1), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task A_row_only_the_processor_inserted_has_its_ids_from_the_keys_and_is_listed()
    {
        const string EventId = "evt/inserted";
        // No webhook row: the processor inserted only its own columns and AcceptedAt.
        await _table.AddEntityAsync(new TableEntity(EventLedgerKeys.PartitionKey("Acme"), EventLedgerKeys.RowKey(EventId))
        {
            ["Status"] = "Failed",
            ["Attempts"] = 1,
            ["LastError"] = "account 'Acme' is not configured",
            ["Outcome"] = "failed: account 'Acme' is not configured",
            ["GhlContactId"] = "",
            ["CleanStop"] = true,
            ["UpdatedAt"] = At,
            ["AcceptedAt"] = At,
        });

        var read = await _rig.Ledger.ReadAsync("Acme", EventId, CancellationToken.None);
        var listed = Assert.Single(await _rig.Ledger.QueryAsync(new EventLedgerQuery { Status = EventLedgerStatus.Failed }, CancellationToken.None));

        Assert.Equal(("Acme", EventId, EventLedgerStatus.Failed), (read.AccountId, read.EventId, read.Status));
        Assert.Equal(("acme", EventId, (string?)null), (listed.AccountId, listed.EventId, listed.Type));
        Assert.Equal(1, await _rig.Ledger.CountAsync("ACME", EventLedgerStatus.Failed, At, CancellationToken.None));
    }

    [Fact]
    public async Task Every_column_survives_a_save_and_a_read()
    {
        var written = Full("evt_full");

        var saved = await _rig.Ledger.SaveAsync(written, At.AddHours(1), CancellationToken.None);
        var read = await _rig.Ledger.ReadAsync("acme", "evt_full", CancellationToken.None);

        Assert.Equal(saved.ETag, read.ETag);
        Assert.Equal(
            (written.AccountId, written.EventId, written.Type, written.Direction, written.Status, written.Attempts, written.LastError, written.Outcome),
            (read.AccountId, read.EventId, read.Type, read.Direction, read.Status, read.Attempts, read.LastError, read.Outcome));
        Assert.Equal(
            (written.SourceContactId, written.TargetContactId, written.TargetTraceId, written.ClaimedBy, written.CleanStop),
            (read.SourceContactId, read.TargetContactId, read.TargetTraceId, read.ClaimedBy, read.CleanStop));
        Assert.Equal(
            (written.OccurredAt, written.AcceptedAt, At.AddHours(1), written.ClaimedAt, written.LastAttemptAt),
            (read.OccurredAt, read.AcceptedAt, read.UpdatedAt!.Value, read.ClaimedAt, read.LastAttemptAt));
        Assert.Equal(written.Plan!.Describe(), read.Plan!.Describe());
        Assert.Equal(written.Progress.Steps, read.Progress.Steps.Select(step => step with { ConflictMembers = written.Progress.Steps[0].ConflictMembers }));
        Assert.Equal((written.Progress.GhlContactId, written.Progress.GhlTaskId), (read.Progress.GhlContactId, read.Progress.GhlTaskId));
        Assert.Equal(written.Leases, read.Leases);
    }

    [Fact]
    public async Task A_saved_row_has_the_column_names_earlier_releases_wrote_plus_source_and_target()
    {
        await _rig.Ledger.SaveAsync(Full("evt_columns"), At, CancellationToken.None);

        var raw = (await _table.GetEntityAsync<TableEntity>(EventLedgerKeys.PartitionKey("acme"), EventLedgerKeys.RowKey("evt_columns"))).Value;

        string[] expected =
        [
            "AccountId", "EventId", "Type", "Source", "Target", "Status", "Attempts", "LastError", "Outcome", "ContactId", "GhlContactId", "GhlTraceId",
            "OccurredAt", "AcceptedAt", "UpdatedAt", "ClaimedAt", "ClaimedBy", "Plan", "Progress", "Leases", "CleanStop", "LastAttemptAt",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), raw.Keys.Where(key => key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Order(StringComparer.Ordinal));
        Assert.Equal(("Ghl", "Roezan", "Conflict", "g_9"), (raw.GetString("Source"), raw.GetString("Target"), raw.GetString("Status"), raw.GetString("GhlContactId")));
    }

    [Fact]
    public async Task A_plan_with_the_largest_emoji_note_is_saved_read_back_and_kept_out_of_the_row()
    {
        var body = string.Concat(Enumerable.Repeat("\U0001F600", 20_000));
        var entry = Full("evt_emoji") with
        {
            Plan = Full("evt_emoji").Plan! with { Steps = [new CreateNoteStep { Body = body, Reference = "evt_emoji", Reason = "note" }] },
        };

        var saved = await _rig.Ledger.SaveAsync(entry, At, CancellationToken.None);
        var read = await _rig.Ledger.ReadAsync("acme", "evt_emoji", CancellationToken.None);
        var again = await _rig.Ledger.SaveAsync(read with { Attempts = 4 }, At, CancellationToken.None);

        Assert.Equal(body, Assert.IsType<CreateNoteStep>(Assert.Single(read.Plan!.Steps)).Body);
        Assert.NotNull(saved.PlanBlob);
        Assert.Equal(saved.PlanBlob, again.PlanBlob);
        var raw = (await _table.GetEntityAsync<TableEntity>(EventLedgerKeys.PartitionKey("acme"), EventLedgerKeys.RowKey("evt_emoji"))).Value;
        Assert.Null(raw.GetString("Plan"));
        Assert.Equal(saved.PlanBlob, raw.GetString("PlanBlob"));
    }

    [Fact]
    public async Task A_small_plan_is_stored_in_the_row_without_escaping_non_ascii()
    {
        var entry = Full("evt_cyrillic") with
        {
            Plan = Full("evt_cyrillic").Plan! with { Steps = [new CreateNoteStep { Body = "Привет \U0001F600 שלום 漢字 e\u0301", Reference = "evt_cyrillic", Reason = "note" }] },
        };

        await _rig.Ledger.SaveAsync(entry, At, CancellationToken.None);

        var raw = (await _table.GetEntityAsync<TableEntity>(EventLedgerKeys.PartitionKey("acme"), EventLedgerKeys.RowKey("evt_cyrillic"))).Value;
        Assert.Contains("Привет \U0001F600 שלום 漢字 e\u0301", raw.GetString("Plan"), StringComparison.Ordinal);
        Assert.Null(raw.GetString("PlanBlob"));
    }

    [Fact]
    public async Task A_row_of_an_earlier_release_with_an_escaped_body_in_its_plan_reads_the_same()
    {
        await _table.AddEntityAsync(new TableEntity(EventLedgerKeys.PartitionKey("acme"), EventLedgerKeys.RowKey("evt_escaped"))
        {
            ["Status"] = "Processing",
            ["Plan"] = """{"eventId":"evt_escaped","eventType":"note.created","accountId":"acme","disposition":0,"reason":"note","steps":[{"kind":"createNote","body":"\u041F\u0440\u0438\u0432\u0435\u0442 \uD83D\uDE00","reference":"evt_escaped","reason":"n"}]}""",
        });

        var entry = await _rig.Ledger.ReadAsync("acme", "evt_escaped", CancellationToken.None);

        Assert.Equal("Привет \U0001F600", Assert.IsType<CreateNoteStep>(Assert.Single(entry.Plan!.Steps)).Body);
    }

    [Fact]
    public async Task A_save_with_a_stale_etag_is_refused_as_a_concurrency_conflict()
    {
        var first = await _rig.Ledger.SaveAsync(Full("evt_race"), At, CancellationToken.None);
        await _rig.Ledger.SaveAsync(first with { Attempts = 9 }, At, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => _rig.Ledger.SaveAsync(first with { Attempts = 8 }, At, CancellationToken.None));

        Assert.True(EventLedger.IsConcurrencyConflict(refused));
        Assert.Equal(9, (await _rig.Ledger.ReadAsync("acme", "evt_race", CancellationToken.None)).Attempts);
    }

    private static EventLedgerEntry Full(string eventId) => new()
    {
        AccountId = "acme",
        EventId = eventId,
        Type = "contact.updated",
        Direction = SyncDirection.GhlToRoezan,
        Status = EventLedgerStatus.Conflict,
        Attempts = 3,
        LastError = "GHL matched contact g_9 but did not keep: email",
        Outcome = "conflict on GHL contact g_9",
        SourceContactId = "c_9",
        TargetContactId = "g_9",
        TargetTraceId = "trace-9",
        OccurredAt = At,
        AcceptedAt = At.AddSeconds(1),
        ClaimedAt = At.AddSeconds(2),
        ClaimedBy = EventLedger.ProcessorClaimPrefix + "run-9",
        Plan = new SyncPlan
        {
            EventId = eventId,
            EventType = "contact.updated",
            AccountId = "acme",
            Disposition = PlanDisposition.Apply,
            Reason = "update",
            GhlContactId = "g_9",
            Steps = [new UpdateContactStep { Fields = new ContactFields { LastName = "Diaz" }, Reason = "a" }, new AddTagsStep { Tags = ["vip"], Reason = "b" }],
        },
        Progress = ProcessingProgress.None.With(new StepResult { GhlContactId = "g_9", Adopted = true, TraceId = "trace-8" }),
        Leases = ["contact:g_9", "task:acme:t_9"],
        CleanStop = false,
        LastAttemptAt = At.AddSeconds(3),
    };
}
