using RoezanGhl.Core.Sync;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Ghl;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Processing;

/// <summary>The coordinator asks the admission before any applier runs; a delivery put back is applied once when its copy returns.</summary>
[IntegrationLane]
public sealed class LocationAdmissionProcessingTests : IAsyncLifetime
{
    private ProcessingParts _parts = null!;

    public async Task InitializeAsync() => _parts = await ProcessingParts.StartAsync();

    public async Task DisposeAsync() => await _parts.DisposeAsync();

    [Fact]
    public async Task An_event_put_back_for_a_spent_location_is_applied_exactly_once_when_its_copy_returns()
    {
        var applier = new ScriptedApplier(SyncDirection.RoezanToGhl, _ => EventVerdict.Final(EventLedgerStatus.Applied, null));
        var processor = _parts.Processor([applier]);
        for (var i = 0; i < 2; i++)
        {
            (await _parts.Limiter.AcquireAsync(ProcessingParts.LocationId, GhlRequestPriority.Normal, CancellationToken.None)).Dispose();
        }

        KeepAnotherLocationBusy();
        var message = _parts.Message("evt_1");
        var putBack = await processor.ProcessAsync(message, dequeueCount: 4, CancellationToken.None);
        var waiting = await _parts.Ledger.ReadAsync(ProcessingParts.AccountId, "evt_1", CancellationToken.None);
        var copies = await _parts.QueuedCountAsync();

        // The copy is a new message (dequeue count 1 again); it comes back once the window has room.
        _parts.Time.Advance(TimeSpan.FromSeconds(10));
        var applied = await processor.ProcessAsync(message, dequeueCount: 1, CancellationToken.None);
        var again = await processor.ProcessAsync(message, dequeueCount: 5, CancellationToken.None);

        Assert.Equal(EventOutcomeKind.Requeued, putBack.Kind);
        Assert.InRange(putBack.RequeuedAfter!.Value, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(9.5));
        Assert.False(waiting.IsFinal);
        Assert.Equal(1, copies);
        Assert.Equal((EventOutcomeKind.Applied, EventOutcomeKind.AlreadyDone), (applied.Kind, again.Kind));
        Assert.Equal(["evt_1"], applier.Applied);
        Assert.Equal(EventLedgerStatus.Applied, (await _parts.Ledger.ReadAsync(ProcessingParts.AccountId, "evt_1", CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_delivery_put_back_on_its_last_allowed_attempt_is_not_recorded_as_failed()
    {
        var applier = new ScriptedApplier(SyncDirection.RoezanToGhl, _ => EventVerdict.Final(EventLedgerStatus.Applied, null));
        for (var i = 0; i < 2; i++)
        {
            (await _parts.Limiter.AcquireAsync(ProcessingParts.LocationId, GhlRequestPriority.Normal, CancellationToken.None)).Dispose();
        }

        KeepAnotherLocationBusy();
        var outcome = await _parts.Processor([applier]).ProcessAsync(_parts.Message("evt_2"), _parts.Settings.MaxDequeueCount, CancellationToken.None);

        Assert.Equal(EventOutcomeKind.Requeued, outcome.Kind);
        Assert.NotEqual(EventLedgerStatus.Failed, (await _parts.Ledger.ReadAsync(ProcessingParts.AccountId, "evt_2", CancellationToken.None)).Status);
        Assert.Empty(applier.Applied);
    }

    [Fact]
    public async Task A_delivery_put_back_for_its_location_costs_no_ledger_read_or_write()
    {
        var applier = new ScriptedApplier(SyncDirection.RoezanToGhl, _ => EventVerdict.Final(EventLedgerStatus.Applied, null));
        for (var i = 0; i < 2; i++)
        {
            (await _parts.Limiter.AcquireAsync(ProcessingParts.LocationId, GhlRequestPriority.Normal, CancellationToken.None)).Dispose();
        }

        KeepAnotherLocationBusy();
        _parts.TableRequests.Clear();
        var outcome = await _parts.Processor([applier]).ProcessAsync(_parts.Message("evt_3"), dequeueCount: 1, CancellationToken.None);

        Assert.Equal(EventOutcomeKind.Requeued, outcome.Kind);
        Assert.Contains("no permit", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(_parts.TableRequests.Requests);
        Assert.Equal(1, await _parts.QueuedCountAsync());
        Assert.Empty(applier.Applied);
    }

    // Admission puts a spent location's deliveries back only while another location is busy and has budget.
    private void KeepAnotherLocationBusy() => _parts.Admission.Admit(AdmissionDeliveries.For("evt-neighbour", "loc-neighbour")).Dispose();
}
