using RoezanGhl.Core.Sync;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Processing;

/// <summary>The coordinator hands each event to the applier of its direction and records the direction on the ledger.</summary>
[IntegrationLane]
public sealed class EventDirectionTests : IAsyncLifetime
{
    private ProcessingParts _parts = null!;

    public async Task InitializeAsync() => _parts = await ProcessingParts.StartAsync();

    public async Task DisposeAsync() => await _parts.DisposeAsync();

    [Fact]
    public async Task Each_event_goes_to_the_applier_of_its_direction_and_its_ledger_row_says_which()
    {
        var toGhl = new ScriptedApplier(SyncDirection.RoezanToGhl, _ => EventVerdict.Final(EventLedgerStatus.Applied, null));
        var toRoezan = new ScriptedApplier(SyncDirection.GhlToRoezan, _ => EventVerdict.Final(EventLedgerStatus.Applied, null));
        var processor = _parts.Processor([toGhl, toRoezan]);

        var fromRoezan = await processor.ProcessAsync(_parts.Message("evt_r"), 1, CancellationToken.None);
        var fromGhl = await processor.ProcessAsync(_parts.Message("evt_g", direction: SyncDirection.GhlToRoezan), 1, CancellationToken.None);

        Assert.Equal(["evt_r"], toGhl.Applied);
        Assert.Equal(["evt_g"], toRoezan.Applied);
        Assert.Equal((SyncDirection.RoezanToGhl, SyncDirection.GhlToRoezan), (fromRoezan.Direction, fromGhl.Direction));
        Assert.Equal(SyncDirection.GhlToRoezan, (await _parts.Ledger.ReadAsync(ProcessingParts.AccountId, "evt_g", CancellationToken.None)).Direction);
    }

    [Fact]
    public async Task An_event_whose_direction_has_no_applier_is_retried_and_finally_left_to_the_poison_queue_as_failed()
    {
        var processor = _parts.Processor([new ScriptedApplier(SyncDirection.RoezanToGhl, _ => EventVerdict.Final(EventLedgerStatus.Applied, null))]);
        var message = _parts.Message("evt_g", direction: SyncDirection.GhlToRoezan);

        await Assert.ThrowsAsync<NotSupportedException>(() => processor.ProcessAsync(message, 1, CancellationToken.None));
        var retried = await _parts.Ledger.ReadAsync(ProcessingParts.AccountId, "evt_g", CancellationToken.None);
        await Assert.ThrowsAsync<NotSupportedException>(() => processor.ProcessAsync(message, _parts.Settings.MaxDequeueCount, CancellationToken.None));
        var givenUp = await _parts.Ledger.ReadAsync(ProcessingParts.AccountId, "evt_g", CancellationToken.None);

        Assert.StartsWith("attempt 1 failed: NotSupportedException: No applier handles events from Ghl to Roezan", retried.LastError, StringComparison.Ordinal);
        Assert.Equal((EventLedgerStatus.Failed, SyncDirection.GhlToRoezan), (givenUp.Status, givenUp.Direction));
        Assert.StartsWith("gave up after", givenUp.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_naming_an_account_that_is_not_configured_is_failed_without_an_applier()
    {
        var applier = new ScriptedApplier(SyncDirection.RoezanToGhl, _ => EventVerdict.Final(EventLedgerStatus.Applied, null));

        var outcome = await _parts.Processor([applier]).ProcessAsync(_parts.Message("evt_x", accountId: "nobody"), 1, CancellationToken.None);

        Assert.Equal((EventOutcomeKind.Failed, "account 'nobody' is not configured"), (outcome.Kind, outcome.Reason));
        Assert.Empty(applier.Applied);
        Assert.Equal("nobody", Assert.Single(_parts.Notifier.Notices).AccountId);
    }

    [Fact]
    public async Task Two_appliers_for_one_direction_are_refused_when_the_processor_is_made() =>
        Assert.Contains("Two event appliers", Assert.Throws<InvalidOperationException>(() => _parts.Processor(
        [
            new ScriptedApplier(SyncDirection.RoezanToGhl, _ => EventVerdict.AlreadyDone),
            new ScriptedApplier(SyncDirection.RoezanToGhl, _ => EventVerdict.AlreadyDone),
        ])).Message, StringComparison.Ordinal);
}
