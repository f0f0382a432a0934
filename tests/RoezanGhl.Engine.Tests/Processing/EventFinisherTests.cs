using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Processing;

/// <summary>What the finisher writes to the ledger, puts back on the queue and tells people, for each way a delivery ends.</summary>
[IntegrationLane]
public sealed class EventFinisherTests : IAsyncLifetime
{
    private static readonly SyncPlan Plan = new()
    {
        EventId = "evt",
        EventType = "contact.updated",
        AccountId = ProcessingParts.AccountId,
        Disposition = PlanDisposition.Apply,
        Reason = "update",
        GhlContactId = "g_plan",
        Steps = [new UpdateContactStep { Fields = new ContactFields { LastName = "Diaz" }, Reason = "a" }, new AddTagsStep { Tags = ["vip"], Reason = "b" }],
    };

    private ProcessingParts _parts = null!;

    public async Task InitializeAsync() => _parts = await ProcessingParts.StartAsync();

    public async Task DisposeAsync() => await _parts.DisposeAsync();

    [Fact]
    public async Task An_applied_event_is_recorded_with_its_outcome_its_lease_given_back_and_nobody_notified()
    {
        var delivery = await RunningAsync("evt_applied", progressed: true);
        _parts.Time.Advance(TimeSpan.FromSeconds(3));

        var outcome = await _parts.Finisher.FinishAsync(delivery, EventVerdict.Final(EventLedgerStatus.Applied, null, outcome: "applied: UpdateContact g_1", targetContactId: "g_1"), CancellationToken.None);

        var row = await ReadAsync("evt_applied");
        Assert.Equal((EventLedgerStatus.Applied, (string?)null, "applied: UpdateContact g_1", "g_1"), (row.Status, row.LastError, row.Outcome, row.TargetContactId));
        Assert.Equal(((string?)null, 0, true, _parts.Time.GetUtcNow()), (row.ClaimedBy, row.Leases.Count, row.CleanStop, row.UpdatedAt!.Value));
        Assert.Equal(Plan.Describe(), row.Plan!.Describe());
        Assert.True((await _parts.Leases.TryAcquireAsync(ProcessingParts.LocationId, ["contact:g_1"], "evt_next", TimeSpan.FromMinutes(1), CancellationToken.None)).Acquired);
        Assert.Empty(_parts.Notifier.Notices);
        Assert.Equal((EventOutcomeKind.Applied, EventLedgerStatus.Applied, "applied: UpdateContact g_1"), (outcome.Kind, outcome.Status, outcome.Reason));
    }

    [Fact]
    public async Task A_failed_event_is_recorded_with_the_reason_and_trace_id_and_people_are_told()
    {
        var delivery = await RunningAsync("evt_failed");

        var outcome = await _parts.Finisher.FinishAsync(delivery, EventVerdict.Final(EventLedgerStatus.Failed, "GHL PUT answered 422: email is invalid", "trace-1"), CancellationToken.None);

        var row = await ReadAsync("evt_failed");
        Assert.Equal((EventLedgerStatus.Failed, "GHL PUT answered 422: email is invalid", "trace-1"), (row.Status, row.LastError, row.TargetTraceId));
        Assert.Equal(("failed: GHL PUT answered 422: email is invalid", "g_plan"), (row.Outcome, row.TargetContactId));
        var notice = Assert.Single(_parts.Notifier.Notices);
        Assert.Equal(("evt_failed", "Failed", ProcessingParts.LocationId, "trace-1"), (notice.EventId, notice.Status, notice.LocationId, notice.TraceId));
        Assert.Equal(EventOutcomeKind.Failed, outcome.Kind);
    }

    [Theory]
    [InlineData(EventLedgerStatus.Skipped, EventOutcomeKind.Skipped, false)]
    [InlineData(EventLedgerStatus.Conflict, EventOutcomeKind.Conflict, true)]
    public async Task A_conflict_tells_people_and_a_skip_does_not(EventLedgerStatus status, EventOutcomeKind kind, bool notified)
    {
        var delivery = await RunningAsync("evt_" + status);

        var outcome = await _parts.Finisher.FinishAsync(delivery, EventVerdict.Final(status, "why"), CancellationToken.None);

        Assert.Equal(status, (await ReadAsync("evt_" + status)).Status);
        Assert.Equal(notified, _parts.Notifier.Notices.Count == 1);
        Assert.Equal(kind, outcome.Kind);
    }

    [Fact]
    public async Task A_waiting_event_is_recorded_as_waiting_and_a_copy_goes_back_on_the_queue_after_the_delay()
    {
        var delivery = await _parts.DeliveryAsync("evt_wait");

        var outcome = await _parts.Finisher.FinishAsync(delivery, EventVerdict.Requeue(EventLedgerStatus.Waiting, TimeSpan.FromSeconds(30), "contact c_1 is not linked yet"), CancellationToken.None);

        var row = await ReadAsync("evt_wait");
        Assert.Equal((EventLedgerStatus.Waiting, "contact c_1 is not linked yet"), (row.Status, row.LastError));
        Assert.Equal(1, await _parts.QueuedCountAsync());
        Assert.Equal((EventOutcomeKind.Waiting, TimeSpan.FromSeconds(30)), (outcome.Kind, outcome.RequeuedAfter));
        Assert.Empty(_parts.Notifier.Notices);
    }

    [Fact]
    public async Task A_wait_that_asks_for_it_tells_people_with_the_waiting_status()
    {
        var delivery = await _parts.DeliveryAsync("evt_attention");

        await _parts.Finisher.FinishAsync(delivery, EventVerdict.Requeue(EventLedgerStatus.Waiting, TimeSpan.FromMinutes(15), "GHL location needs attention: revoked", notify: true, traceId: "trace-2"), CancellationToken.None);

        var notice = Assert.Single(_parts.Notifier.Notices);
        Assert.Equal(("Waiting", "GHL location needs attention: revoked", "trace-2"), (notice.Status, notice.Reason, notice.TraceId));
    }

    [Fact]
    public async Task A_requeue_before_any_step_drops_the_plan_and_gives_its_leases_back()
    {
        var delivery = await RunningAsync("evt_unstarted");

        await _parts.Finisher.FinishAsync(delivery, EventVerdict.Requeue(EventLedgerStatus.Queued, TimeSpan.FromSeconds(10), "rate limited"), CancellationToken.None);

        var row = await ReadAsync("evt_unstarted");
        Assert.Equal((EventLedgerStatus.Queued, (SyncPlan?)null, 0), (row.Status, row.Plan, row.Leases.Count));
        Assert.True((await _parts.Leases.TryAcquireAsync(ProcessingParts.LocationId, ["contact:g_1"], "evt_next", TimeSpan.FromMinutes(1), CancellationToken.None)).Acquired);
    }

    [Fact]
    public async Task A_requeue_mid_plan_keeps_the_plan_and_its_leases_so_that_it_resumes_where_it_stopped()
    {
        var delivery = await RunningAsync("evt_midway", progressed: true);

        await _parts.Finisher.FinishAsync(delivery, EventVerdict.Requeue(EventLedgerStatus.Queued, TimeSpan.FromSeconds(10), "rate limited"), CancellationToken.None);

        var row = await ReadAsync("evt_midway");
        Assert.Equal((Plan.Describe(), 1, true), (row.Plan!.Describe(), row.Progress.Steps.Count, row.CleanStop));
        Assert.Equal(["contact:g_1"], row.Leases);
        Assert.False((await _parts.Leases.TryAcquireAsync(ProcessingParts.LocationId, ["contact:g_1"], "evt_next", TimeSpan.FromMinutes(1), CancellationToken.None)).Acquired);
    }

    [Fact]
    public async Task A_requeue_while_a_create_was_under_way_is_not_a_clean_stop()
    {
        var delivery = await RunningAsync("evt_creating", progressed: true);
        delivery.CreateInFlight = true;

        await _parts.Finisher.FinishAsync(delivery, EventVerdict.Requeue(EventLedgerStatus.Queued, TimeSpan.FromSeconds(10), "rate limited"), CancellationToken.None);

        Assert.False((await ReadAsync("evt_creating")).CleanStop);
    }

    [Fact]
    public async Task A_put_back_sends_a_copy_and_leaves_the_ledger_to_the_delivery_that_holds_it()
    {
        var delivery = await RunningAsync("evt_busy");
        var before = await ReadAsync("evt_busy");

        var outcome = await _parts.Finisher.FinishAsync(delivery, EventVerdict.PutBack(TimeSpan.FromSeconds(2), "another delivery is working on it"), CancellationToken.None);

        Assert.Equal(before.ETag, (await ReadAsync("evt_busy")).ETag);
        Assert.Equal(1, await _parts.QueuedCountAsync());
        Assert.Equal((EventOutcomeKind.Requeued, EventLedgerStatus.Processing, TimeSpan.FromSeconds(2)), (outcome.Kind, outcome.Status, outcome.RequeuedAfter));
    }

    [Fact]
    public async Task An_event_final_before_is_completed_without_a_write()
    {
        await _parts.Ledger.SaveAsync(new EventLedgerEntry { AccountId = ProcessingParts.AccountId, EventId = "evt_done", Status = EventLedgerStatus.Applied }, _parts.Time.GetUtcNow(), CancellationToken.None);
        var delivery = await _parts.DeliveryAsync("evt_done");

        var outcome = await _parts.Finisher.FinishAsync(delivery, EventVerdict.AlreadyDone, CancellationToken.None);

        Assert.Equal(delivery.Entry!.ETag, (await ReadAsync("evt_done")).ETag);
        Assert.Equal((EventOutcomeKind.AlreadyDone, EventLedgerStatus.Applied, 0), (outcome.Kind, outcome.Status, await _parts.QueuedCountAsync()));
    }

    [Fact]
    public async Task A_failed_attempt_gives_the_claim_back_and_records_why_for_the_hosts_retry()
    {
        var delivery = await RunningAsync("evt_retry", dequeueCount: 2);
        var failure = new IOException("connection reset");

        var outcome = await _parts.Finisher.RecordFailedAttemptAsync(delivery, failure, new AttemptFailure("GHL PUT answered 503: busy", "trace-3"), CancellationToken.None);

        var row = await ReadAsync("evt_retry");
        Assert.Equal((EventLedgerStatus.Processing, "attempt 2 failed: GHL PUT answered 503: busy", "trace-3", (string?)null), (row.Status, row.LastError, row.TargetTraceId, row.ClaimedBy));
        Assert.Equal((EventOutcomeKind.Retried, failure), (outcome.Kind, outcome.Exception));
        Assert.Empty(_parts.Notifier.Notices);
    }

    [Fact]
    public async Task The_last_failed_attempt_records_the_event_as_failed_and_tells_people_before_the_poison_queue()
    {
        var delivery = await RunningAsync("evt_last", dequeueCount: _parts.Settings.MaxDequeueCount);

        var outcome = await _parts.Finisher.RecordFailedAttemptAsync(delivery, new IOException("reset"), new AttemptFailure("GHL PUT answered 503: busy", null), CancellationToken.None);

        var row = await ReadAsync("evt_last");
        Assert.Equal(EventLedgerStatus.Failed, row.Status);
        Assert.Equal($"gave up after {_parts.Settings.MaxDequeueCount} attempts, moved to the poison queue: GHL PUT answered 503: busy", row.LastError);
        Assert.Equal("Failed", Assert.Single(_parts.Notifier.Notices).Status);
        Assert.Equal((EventOutcomeKind.GivenUp, EventLedgerStatus.Failed), (outcome.Kind, outcome.Status));
    }

    /// <summary>An event a run is applying: stored plan, held lease on <c>contact:g_1</c>, claimed; one step done when <paramref name="progressed"/>.</summary>
    private async Task<EventDelivery> RunningAsync(string eventId, bool progressed = false, long dequeueCount = 1)
    {
        await _parts.Leases.TryAcquireAsync(ProcessingParts.LocationId, ["contact:g_1"], eventId, TimeSpan.FromMinutes(5), CancellationToken.None);
        await _parts.Ledger.SaveAsync(new EventLedgerEntry
        {
            AccountId = ProcessingParts.AccountId,
            EventId = eventId,
            Type = "contact.updated",
            Status = EventLedgerStatus.Processing,
            Attempts = 1,
            LastError = "attempt 1 failed: earlier",
            Plan = Plan,
            Progress = progressed ? ProcessingProgress.None.With(new Core.Planning.StepResult { GhlContactId = "g_1" }) : ProcessingProgress.None,
            Leases = ["contact:g_1"],
            ClaimedBy = EventLedger.ProcessorClaimPrefix + "earlier",
            ClaimedAt = _parts.Time.GetUtcNow().AddMinutes(-10),
            CleanStop = false,
        }, _parts.Time.GetUtcNow(), CancellationToken.None);
        var delivery = await _parts.DeliveryAsync(eventId, dequeueCount);
        delivery.Plan = Plan;
        delivery.Leases.Add("contact:g_1");
        return delivery;
    }

    private Task<EventLedgerEntry> ReadAsync(string eventId) => _parts.Ledger.ReadAsync(ProcessingParts.AccountId, eventId, CancellationToken.None);
}
