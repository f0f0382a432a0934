using Azure;
using Microsoft.Extensions.Logging;
using RoezanGhl.Engine.Reconciliation;
using RoezanGhl.Storage;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Reconciliation;

/// <summary>
/// The reconcile run's retention step on the app's ledger in Azurite, on a fake clock: rows are written "days ago" by
/// moving the clock, then the run prunes what is final and older than Sync:RetentionDays, within Sync:RetentionPruneBudget.
/// </summary>
[IntegrationLane]
public sealed class RetentionTests : IAsyncLifetime
{
    private const string Account = AppTestHost.AccountId;
    private AppTestHost _host = null!;

    public async Task InitializeAsync() => _host = await AppTestHost.Create()
        .WithFakeTime()
        .WithSetting("Sync:RetentionDays", "30")
        .WithSetting("Sync:RetentionPruneBudget", "3")
        .StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private EventLedger Ledger => _host.Get<EventLedger>();

    private StateBlobs Blobs => _host.Get<StateBlobs>();

    [Fact]
    public async Task Final_rows_older_than_the_retention_are_pruned_with_their_state_blobs_and_the_rest_is_kept()
    {
        var start = _host.Time.GetUtcNow();
        await WriteAsync("evt_old_applied", EventLedgerStatus.Applied);
        var oldBlob = await SpillAsync("evt_old_applied");
        await WriteAsync("evt_old_failed", EventLedgerStatus.Failed);
        await WriteAsync("evt_old_queued", EventLedgerStatus.Queued);
        await WriteAsync("evt_old_waiting", EventLedgerStatus.Waiting);
        await WriteAsync("evt_old_processing", EventLedgerStatus.Processing);
        _host.Time.Advance(TimeSpan.FromDays(20));
        await WriteAsync("evt_young_applied", EventLedgerStatus.Applied);
        var youngBlob = await SpillAsync("evt_young_applied");
        _host.Time.SetUtcNow(start + TimeSpan.FromDays(31));

        var summary = await RunAsync();

        Assert.Equal((2, 1), (summary.Pruned, summary.PrunedBlobs));
        Assert.Null(await Ledger.GetAsync(Account, "evt_old_applied", CancellationToken.None));
        Assert.Null(await Ledger.GetAsync(Account, "evt_old_failed", CancellationToken.None));
        foreach (var kept in new[] { "evt_old_queued", "evt_old_waiting", "evt_old_processing", "evt_young_applied" })
        {
            Assert.NotNull(await Ledger.GetAsync(Account, kept, CancellationToken.None));
        }

        var gone = await Assert.ThrowsAsync<RequestFailedException>(() => Blobs.ReadAsync(oldBlob, CancellationToken.None));
        Assert.Equal(404, gone.Status);
        Assert.NotEmpty(await Blobs.ReadAsync(youngBlob, CancellationToken.None));
        Assert.Contains(_host.Logs.GetSnapshot(), record => record.Id.Name == "ReconcileRetentionPruned" && record.Level == LogLevel.Information);
        Assert.Contains("pruned 2 (1 blobs)", summary.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pruned_row_takes_the_bodies_blob_of_its_plan_with_it()
    {
        var plan = new Core.Planning.SyncPlan
        {
            EventId = "evt_old_note", EventType = "note.created", AccountId = Account, Disposition = Core.Planning.PlanDisposition.Apply, Reason = "note",
            Steps = [new Core.Planning.CreateNoteStep { Body = "a note body", Reference = "evt_old_note", Reason = "note" }],
        };
        var saved = await Ledger.SaveAsync(new EventLedgerEntry { AccountId = Account, EventId = "evt_old_note", Status = EventLedgerStatus.Applied, Type = "note.created", Plan = plan }, _host.Time.GetUtcNow(), CancellationToken.None);
        Assert.NotEmpty(await Blobs.ReadAsync(saved.PlanBodiesBlob!, CancellationToken.None));
        _host.Time.Advance(TimeSpan.FromDays(31));

        var summary = await RunAsync();

        Assert.Equal((1, 1), (summary.Pruned, summary.PrunedBlobs));
        var gone = await Assert.ThrowsAsync<RequestFailedException>(() => Blobs.ReadAsync(saved.PlanBodiesBlob!, CancellationToken.None));
        Assert.Equal(404, gone.Status);
    }

    [Fact]
    public async Task A_run_prunes_at_most_its_budget_and_the_next_run_prunes_the_rest()
    {
        for (var i = 0; i < 5; i++)
        {
            await WriteAsync($"evt_old_{i}", EventLedgerStatus.Skipped);
        }

        _host.Time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));

        var first = await RunAsync();
        var second = await RunAsync();
        var third = await RunAsync();

        Assert.Equal((3, 2, 0), (first.Pruned, second.Pruned, third.Pruned));
        Assert.Contains(_host.Logs.GetSnapshot(), record => record.Id.Name == "ReconcileRetentionPruned" && record.Message.Contains("more left for the next run: True", StringComparison.Ordinal));
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await Ledger.GetAsync(Account, $"evt_old_{i}", CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_dry_run_prunes_nothing()
    {
        await WriteAsync("evt_old_applied", EventLedgerStatus.Applied);
        _host.Time.Advance(TimeSpan.FromDays(31));

        var summary = await _host.Get<Reconciler>().ReconcileLocationAsync(AppTestHost.LocationId, dryRun: true, progress: null, CancellationToken.None);

        Assert.Equal(0, summary.Pruned);
        Assert.NotNull(await Ledger.GetAsync(Account, "evt_old_applied", CancellationToken.None));
    }

    private Task<Storage.Reconciliation.ReconcileRunSummary> RunAsync() =>
        _host.Get<Reconciler>().ReconcileLocationAsync(AppTestHost.LocationId, dryRun: false, progress: null, CancellationToken.None);

    private Task<EventLedgerEntry> WriteAsync(string eventId, EventLedgerStatus status) =>
        Ledger.SaveAsync(new EventLedgerEntry { AccountId = Account, EventId = eventId, Status = status, Type = "contact.updated" }, _host.Time.GetUtcNow(), CancellationToken.None);

    /// <summary>A state blob in the row's folder, as a plan too large for the row is kept.</summary>
    private async Task<string> SpillAsync(string eventId)
    {
        var folder = StateBlobs.FolderOf(Ledger.TableName, EventLedgerKeys.PartitionKey(Account), EventLedgerKeys.RowKey(eventId));
        var stored = await Blobs.StoreAsync(folder, "plan", "\"" + new string('n', StateBlobs.InlineLimitChars + 10) + "\"", null, CancellationToken.None);
        return stored.BlobName!;
    }
}
