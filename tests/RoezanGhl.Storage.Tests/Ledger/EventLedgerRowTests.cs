using Azure;
using Azure.Data.Tables;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;
using RoezanGhl.Storage;
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
    public async Task A_plan_with_the_largest_emoji_note_keeps_only_a_reference_in_the_row_and_reads_back_whole()
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
        Assert.NotNull(saved.PlanBodiesBlob);
        Assert.Equal(saved.PlanBodiesBlob, again.PlanBodiesBlob);
        var raw = (await _table.GetEntityAsync<TableEntity>(EventLedgerKeys.PartitionKey("acme"), EventLedgerKeys.RowKey("evt_emoji"))).Value;
        Assert.DoesNotContain("\U0001F600", raw.GetString("Plan"), StringComparison.Ordinal);
        Assert.Contains("body-ref:0:40000:", raw.GetString("Plan"), StringComparison.Ordinal);
        Assert.Null(raw.GetString("PlanBlob"));
        Assert.Equal(saved.PlanBodiesBlob, raw.GetString("PlanBodies"));
    }

    [Fact]
    public async Task Note_message_and_task_bodies_go_to_the_bodies_blob_unescaped_and_the_row_holds_none()
    {
        const string text = "Привет \U0001F600 שלום 漢字 e\u0301";
        var plan = Full("evt_bodies").Plan! with
        {
            Reason = "Díaz",
            Steps =
            [
                new CreateNoteStep { Body = "note " + text, Reference = "evt_bodies", Reason = "note" },
                new AddInboundMessageStep { MessageId = "m_1", ConversationProviderId = "p", Body = "message " + text, SentAt = At, Reason = "message" },
                new CreateTaskStep { Fields = new TaskFields { Title = "Call", Body = "task " + text }, Reference = "evt_bodies", Reason = "task" },
                new UpdateTaskStep { Fields = new TaskFields { Body = "update " + text }, Reason = "task" },
            ],
            TaskState = new TaskFields { Title = "Call", Body = "update " + text },
        };

        var saved = await _rig.Ledger.SaveAsync(Full("evt_bodies") with { Plan = plan }, At, CancellationToken.None);
        var read = await _rig.Ledger.ReadAsync("acme", "evt_bodies", CancellationToken.None);

        Assert.Equal(plan.Describe(), read.Plan!.Describe());
        Assert.Equal(("note " + text, "message " + text), (((CreateNoteStep)read.Plan.Steps[0]).Body, ((AddInboundMessageStep)read.Plan.Steps[1]).Body));
        Assert.Equal(("task " + text, "update " + text, "update " + text), (((CreateTaskStep)read.Plan.Steps[2]).Fields.Body, ((UpdateTaskStep)read.Plan.Steps[3]).Fields.Body, read.Plan.TaskState!.Body));
        var raw = (await _table.GetEntityAsync<TableEntity>(EventLedgerKeys.PartitionKey("acme"), EventLedgerKeys.RowKey("evt_bodies"))).Value;
        Assert.DoesNotContain(text, raw.GetString("Plan"), StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"Díaz\"", raw.GetString("Plan"), StringComparison.Ordinal);
        var bodies = await _rig.Host.Get<StateBlobs>().ReadAsync(saved.PlanBodiesBlob!, CancellationToken.None);
        Assert.Contains("note " + text, bodies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_of_an_earlier_release_with_its_body_in_the_plan_reads_it_and_its_next_save_moves_it_out()
    {
        await _table.AddEntityAsync(new TableEntity(EventLedgerKeys.PartitionKey("acme"), EventLedgerKeys.RowKey("evt_before"))
        {
            ["Status"] = "Processing",
            ["Plan"] = """{"eventId":"evt_before","eventType":"note.created","accountId":"acme","disposition":0,"reason":"note","steps":[{"kind":"createNote","body":"Привет","reference":"evt_before","reason":"n"}]}""",
        });

        var entry = await _rig.Ledger.ReadAsync("acme", "evt_before", CancellationToken.None);
        await _rig.Ledger.SaveAsync(entry with { Attempts = 2 }, At, CancellationToken.None);
        var again = await _rig.Ledger.ReadAsync("acme", "evt_before", CancellationToken.None);

        Assert.Equal("Привет", Assert.IsType<CreateNoteStep>(Assert.Single(entry.Plan!.Steps)).Body);
        Assert.Equal("Привет", Assert.IsType<CreateNoteStep>(Assert.Single(again.Plan!.Steps)).Body);
        var raw = (await _table.GetEntityAsync<TableEntity>(EventLedgerKeys.PartitionKey("acme"), EventLedgerKeys.RowKey("evt_before"))).Value;
        Assert.DoesNotContain("Привет", raw.GetString("Plan"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bodies_blob_that_does_not_match_its_reference_is_refused_not_applied()
    {
        var plan = Full("evt_tampered").Plan! with { Steps = [new CreateNoteStep { Body = "the real note", Reference = "evt_tampered", Reason = "note" }] };
        var saved = await _rig.Ledger.SaveAsync(Full("evt_tampered") with { Plan = plan }, At, CancellationToken.None);
        var other = await _rig.Host.Get<StateBlobs>().UploadAsync("elsewhere/", "bodies", "[\"another note\"]", null, CancellationToken.None);
        var raw = (await _table.GetEntityAsync<TableEntity>(EventLedgerKeys.PartitionKey("acme"), EventLedgerKeys.RowKey("evt_tampered"))).Value;
        raw["PlanBodies"] = other;
        await _table.UpdateEntityAsync(raw, raw.ETag, TableUpdateMode.Replace);

        await Assert.ThrowsAsync<InvalidDataException>(() => _rig.Ledger.ReadAsync("acme", "evt_tampered", CancellationToken.None));
        Assert.NotNull(saved.PlanBodiesBlob);
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
