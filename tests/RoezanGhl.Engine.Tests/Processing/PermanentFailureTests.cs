using Azure;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Sync;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Queueing;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Processing;

/// <summary>A failure that will fail again is final: recorded as Failed with its reason, notified, and not handed to the host's retries.</summary>
[IntegrationLane]
public sealed class PermanentFailureTests : IAsyncLifetime
{
    private ProcessingParts _parts = null!;

    public async Task InitializeAsync() => _parts = await ProcessingParts.StartAsync();

    public async Task DisposeAsync() => await _parts.DisposeAsync();

    [Fact]
    public async Task A_storage_request_refused_as_too_large_fails_the_event_at_once_and_notifies()
    {
        var applier = Throwing(new RequestFailedException(400, "The property value exceeds the maximum allowed size (64KB).", "PropertyValueTooLarge", null));

        var outcome = await _parts.Processor([applier]).ProcessAsync(_parts.Message("evt_big"), 1, CancellationToken.None);

        var entry = await _parts.Ledger.ReadAsync(ProcessingParts.AccountId, "evt_big", CancellationToken.None);
        Assert.Equal((EventOutcomeKind.Failed, EventLedgerStatus.Failed), (outcome.Kind, entry.Status));
        Assert.Equal("storage refused the request for good (400 PropertyValueTooLarge)", entry.LastError);
        var notice = Assert.Single(_parts.Notifier.Notices);
        Assert.Equal(("evt_big", "Failed"), (notice.EventId, notice.Status));
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_storage_answer_that_may_pass_goes_to_the_host_retries(int status)
    {
        var applier = Throwing(new RequestFailedException(status, "busy", "ServerBusy", null));

        await Assert.ThrowsAsync<RequestFailedException>(() => _parts.Processor([applier]).ProcessAsync(_parts.Message("evt_busy"), 1, CancellationToken.None));

        Assert.Equal(EventLedgerStatus.Queued, (await _parts.Ledger.ReadAsync(ProcessingParts.AccountId, "evt_busy", CancellationToken.None)).Status);
        Assert.Empty(_parts.Notifier.Notices);
    }

    [Fact]
    public async Task A_claim_check_stub_whose_blob_is_gone_is_failed_as_payload_blob_missing_without_applying()
    {
        var applier = new ScriptedApplier(SyncDirection.RoezanToGhl, _ => EventVerdict.Final(EventLedgerStatus.Applied, null));
        var stub = RoezanEventQueueClient.Serialize(new QueuedRoezanEvent
        {
            AccountId = ProcessingParts.AccountId,
            AcceptedAt = _parts.Time.GetUtcNow(),
            Event = new RoezanEvent { Id = "evt_gone", Type = RoezanEventTypes.NoteCreated },
            PayloadBlob = $"{_parts.Names.PayloadsContainer}/2026/11/24/gone.json",
        });

        var outcome = await _parts.Processor([applier]).ProcessAsync(stub, 1, CancellationToken.None);

        var entry = await _parts.Ledger.ReadAsync(ProcessingParts.AccountId, "evt_gone", CancellationToken.None);
        Assert.Equal((EventOutcomeKind.Failed, EventLedgerStatus.Failed), (outcome.Kind, entry.Status));
        Assert.StartsWith("payload blob missing", entry.LastError, StringComparison.Ordinal);
        Assert.Empty(applier.Applied);
        Assert.Equal("evt_gone", Assert.Single(_parts.Notifier.Notices).EventId);
    }

    private static ScriptedApplier Throwing(Exception exception) =>
        new(SyncDirection.RoezanToGhl, _ => throw exception);
}
