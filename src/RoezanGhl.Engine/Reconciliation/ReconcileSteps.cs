using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// The steps of one location's reconciliation, in order, within the run's call budgets
/// (<see cref="ReconciliationOptions.ReconcileCallBudget"/>, <see cref="ReconciliationOptions.ReconcileRoezanCallBudget"/>):
/// refresh an expiring OAuth token, re-drive the poison queue and count the failures left for a person (<see cref="FailureReDrive"/>),
/// prune ledger rows past the retention (<see cref="RetentionPruner"/>), feed missed
/// inbound messages, then sweep for drift. <see cref="Reconciler"/> runs them under the location's lease.
/// </summary>
public sealed class ReconcileSteps
{
    private readonly ReconciliationOptions _options;
    private readonly TokenRefreshSweep _tokens;
    private readonly FailureReDrive _reDrive;
    private readonly MissedMessagePoller _messages;
    private readonly ContactDriftSweep _drift;
    private readonly RetentionPruner _retention;

    public ReconcileSteps(IOptions<ReconciliationOptions> options, TokenRefreshSweep tokens, FailureReDrive reDrive, MissedMessagePoller messages, ContactDriftSweep drift, RetentionPruner retention)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _reDrive = reDrive ?? throw new ArgumentNullException(nameof(reDrive));
        _messages = messages ?? throw new ArgumentNullException(nameof(messages));
        _drift = drift ?? throw new ArgumentNullException(nameof(drift));
        _retention = retention ?? throw new ArgumentNullException(nameof(retention));
    }

    /// <summary>A run of <paramref name="locationId"/> with the configured call budgets, before any step.</summary>
    internal ReconcileRun NewRun(string locationId, IReadOnlyList<KeyValuePair<string, RoezanAccountOptions>> accounts, string runId, bool dryRun, DateTimeOffset? previousRunAt) => new()
    {
        LocationId = locationId,
        Accounts = accounts,
        RunId = runId,
        DryRun = dryRun,
        Ghl = new ReconcileCallBudget(_options.ReconcileCallBudget),
        Roezan = new ReconcileCallBudget(_options.ReconcileRoezanCallBudget),
        PreviousRunAt = previousRunAt,
    };

    /// <summary>Runs every step for <paramref name="run"/>, counting on it; <paramref name="progress"/> hears each step's name as it starts.</summary>
    internal async Task RunAsync(ReconcileRun run, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        progress?.Report("tokens");
        if (await _tokens.RefreshIfExpiringAsync(run.LocationId, run.DryRun, cancellationToken).ConfigureAwait(false))
        {
            run.TokensRefreshed++;
        }

        progress?.Report("re-drive");
        await _reDrive.RunAsync(run, cancellationToken).ConfigureAwait(false);

        // Before the GHL steps: it spends no GHL call, and a location whose GHL calls fail still has its ledger pruned.
        progress?.Report("retention");
        await _retention.RunAsync(run, cancellationToken).ConfigureAwait(false);

        progress?.Report("missed messages");
        await _messages.RunAsync(run, cancellationToken).ConfigureAwait(false);

        progress?.Report("drift");
        await _drift.RunAsync(run, cancellationToken).ConfigureAwait(false);
    }
}
