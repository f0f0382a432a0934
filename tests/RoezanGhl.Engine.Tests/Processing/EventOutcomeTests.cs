using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using RoezanGhl.Core.Sync;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Processing;

/// <summary>Observers and the engine's meter hear every delivery once, whatever way it ended.</summary>
[IntegrationLane]
public sealed class EventOutcomeTests : IAsyncLifetime
{
    private ProcessingParts _parts = null!;

    public async Task InitializeAsync() => _parts = await ProcessingParts.StartAsync();

    public async Task DisposeAsync() => await _parts.DisposeAsync();

    [Fact]
    public async Task The_observer_hears_every_kind_of_outcome_once_per_delivery()
    {
        var observer = new RecordingObserver();
        var applier = new ScriptedApplier(SyncDirection.RoezanToGhl, delivery => delivery.EventId switch
        {
            "evt_applied" => Advanced(EventVerdict.Final(EventLedgerStatus.Applied, null, outcome: "applied: Note n_1")),
            "evt_skipped" => EventVerdict.Final(EventLedgerStatus.Skipped, "no change"),
            "evt_failed" => EventVerdict.Final(EventLedgerStatus.Failed, "refused"),
            "evt_conflict" => EventVerdict.Final(EventLedgerStatus.Conflict, "GHL kept another email"),
            "evt_waiting" => EventVerdict.Requeue(EventLedgerStatus.Waiting, TimeSpan.FromSeconds(30), "contact not linked yet"),
            "evt_requeued" => EventVerdict.Requeue(EventLedgerStatus.Queued, TimeSpan.FromSeconds(10), "rate limited"),
            _ => throw new IOException("the target hung up"),
        });
        var processor = _parts.Processor([applier], observer);

        foreach (var id in new[] { "evt_applied", "evt_skipped", "evt_failed", "evt_conflict", "evt_waiting", "evt_requeued", "evt_applied" })
        {
            await processor.ProcessAsync(_parts.Message(id), 1, CancellationToken.None);
        }

        await Assert.ThrowsAsync<IOException>(() => processor.ProcessAsync(_parts.Message("evt_flaky"), 1, CancellationToken.None));
        await Assert.ThrowsAsync<IOException>(() => processor.ProcessAsync(_parts.Message("evt_flaky"), _parts.Settings.MaxDequeueCount, CancellationToken.None));

        var heard = observer.Outcomes;
        Assert.Equal(Enum.GetValues<EventOutcomeKind>(), heard.Select(outcome => outcome.Kind));
        Assert.All(heard, outcome => Assert.Equal((ProcessingParts.AccountId, SyncDirection.RoezanToGhl), (outcome.AccountId, outcome.Direction)));
        Assert.Equal(["evt_applied", "evt_skipped", "evt_failed", "evt_conflict", "evt_waiting", "evt_requeued", "evt_applied", "evt_flaky", "evt_flaky"], heard.Select(outcome => outcome.EventId));
        Assert.Equal(TimeSpan.FromSeconds(2), heard[0].Elapsed);
        Assert.Equal(TimeSpan.FromSeconds(30), heard[4].RequeuedAfter);
        Assert.Equal((EventLedgerStatus.Failed, _parts.Settings.MaxDequeueCount), (heard[8].Status, heard[8].DequeueCount));
        Assert.IsType<IOException>(heard[8].Exception);
        Assert.Equal(["evt_applied", "evt_skipped", "evt_failed", "evt_conflict", "evt_waiting", "evt_requeued", "evt_flaky", "evt_flaky"], applier.Applied);
    }

    [Fact]
    public async Task The_engine_meter_counts_deliveries_by_outcome_and_direction_and_unreadable_messages_too()
    {
        using var counter = new MetricCollector<long>(_parts.Meters, EventOutcomeReporter.MeterName, EventOutcomeReporter.OutcomesCounterName);
        var applier = new ScriptedApplier(SyncDirection.RoezanToGhl, _ => EventVerdict.Final(EventLedgerStatus.Applied, null));
        var processor = _parts.Processor([applier]);

        await processor.ProcessAsync(_parts.Message("evt_1"), 1, CancellationToken.None);
        await processor.ProcessAsync(_parts.Message("evt_1"), 1, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidDataException>(() => processor.ProcessAsync(BinaryData.FromString("""{"accountId":"acme","acceptedAt":"2026-11-24T10:00:00Z","event":{}}"""), 1, CancellationToken.None));

        var measured = counter.GetMeasurementSnapshot();
        Assert.Equal(["applied", "already_done", "unreadable"], measured.Select(m => (string)m.Tags["outcome"]!));
        Assert.All(measured, m => Assert.Equal(1, m.Value));
        Assert.Equal(("roezan", "ghl"), ((string)measured[0].Tags["source"]!, (string)measured[0].Tags["target"]!));
    }

    [Fact]
    public async Task An_observer_that_throws_does_not_fail_the_delivery_nor_keep_the_others_from_hearing_it()
    {
        var after = new RecordingObserver();
        var processor = _parts.Processor([new ScriptedApplier(SyncDirection.RoezanToGhl, _ => EventVerdict.Final(EventLedgerStatus.Skipped, "no change"))], new ThrowingObserver(), after);

        var outcome = await processor.ProcessAsync(_parts.Message("evt_1"), 1, CancellationToken.None);

        Assert.Equal(EventOutcomeKind.Skipped, outcome.Kind);
        Assert.Equal(EventOutcomeKind.Skipped, Assert.Single(after.Outcomes).Kind);
    }

    // The applier's work takes two seconds on the fake clock: the outcome's elapsed time is measured on it.
    private EventVerdict Advanced(EventVerdict verdict)
    {
        _parts.Time.Advance(TimeSpan.FromSeconds(2));
        return verdict;
    }

    private sealed class RecordingObserver : IEventOutcomeObserver
    {
        private readonly ConcurrentQueue<EventOutcome> _outcomes = new();

        public IReadOnlyList<EventOutcome> Outcomes => [.. _outcomes];

        public void OnOutcome(EventOutcome outcome) => _outcomes.Enqueue(outcome);
    }

    private sealed class ThrowingObserver : IEventOutcomeObserver
    {
        public void OnOutcome(EventOutcome outcome) => throw new InvalidOperationException("observer bug");
    }
}
