using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// The run's last step: deletes the final ledger rows of the location's accounts last changed more than
/// <see cref="ReconciliationOptions.RetentionDays"/> ago, with their state blobs (<see cref="LedgerRetention"/>), at most
/// <see cref="ReconciliationOptions.RetentionPruneBudget"/> rows per run so that a run never takes long; the rest goes in
/// the next runs. Events still on their way are never touched. A dry run deletes nothing.
/// </summary>
public sealed class RetentionPruner
{
    private readonly LedgerRetention _retention;
    private readonly ReconciliationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RetentionPruner(LedgerRetention retention, IOptions<ReconciliationOptions> options, TimeProvider time, ILogger<RetentionPruner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _retention = retention ?? throw new ArgumentNullException(nameof(retention));
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    internal async Task RunAsync(ReconcileRun run, CancellationToken cancellationToken)
    {
        if (run.DryRun)
        {
            return;
        }

        var cutoff = _time.GetUtcNow() - TimeSpan.FromDays(_options.RetentionDays);
        var left = _options.RetentionPruneBudget;
        var more = false;
        foreach (var accountId in run.Accounts.Select(account => account.Key))
        {
            var result = await _retention.PruneAsync(accountId, cutoff, left, cancellationToken).ConfigureAwait(false);
            run.Pruned += result.Rows;
            run.PrunedBlobs += result.Blobs;
            left -= result.Rows;
            if (result.More)
            {
                more = true;
                break;
            }
        }

        if (run.Pruned > 0 || more)
        {
            ReconcileLog.RetentionPruned(_logger, run.LocationId, run.Pruned, run.PrunedBlobs, cutoff, more);
        }
    }
}
