using Microsoft.Extensions.Options;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// The run's re-drive step: counts the location's accounts' failures since the last run (for a person to see), then
/// moves their poisoned events back to the queue (<see cref="PoisonReplayer"/>, at most
/// <see cref="ReconciliationOptions.ReconcileMaxReDrives"/> re-drives per event). It spends no GHL call.
/// </summary>
public sealed class FailureReDrive
{
    private readonly EventLedger _ledger;
    private readonly PoisonReplayer _poison;
    private readonly ReconciliationOptions _options;

    public FailureReDrive(EventLedger ledger, PoisonReplayer poison, IOptions<ReconciliationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _poison = poison ?? throw new ArgumentNullException(nameof(poison));
        _options = options.Value;
    }

    internal async Task RunAsync(ReconcileRun run, CancellationToken cancellationToken)
    {
        var accountIds = run.Accounts.Select(account => account.Key).ToList();
        foreach (var accountId in accountIds)
        {
            // Counted before the re-drive (which puts failed events back to Queued), so that the summary shows every
            // failure since the last run, including those re-driven now.
            run.PermanentFailures += await _ledger.CountAsync(accountId, EventLedgerStatus.Failed, run.PreviousRunAt, cancellationToken).ConfigureAwait(false);
        }

        var filter = new PoisonReplayFilter { AccountIds = accountIds, Actor = run.Owner, MaxReDrives = _options.ReconcileMaxReDrives };
        var items = await _poison.ReplayAsync(filter, run.DryRun, null, cancellationToken).ConfigureAwait(false);
        run.ReDriven = items.Count(item => item.Action is PoisonReplayAction.Moved or PoisonReplayAction.WouldMove);
    }
}
