using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Ghl;
using RoezanGhl.Storage.Reconciliation;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// One reconciliation of each GHL location the configured accounts feed (the timer), or of one location (the
/// CLI). Per location, under the location's lease and at background priority (GHL calls never eat into the
/// client's daily reserve), the <see cref="ReconcileSteps"/> run: refresh an expiring OAuth token, re-drive the
/// poison queue and count the failures left for a person, feed missed inbound messages, then sweep for drift.
/// The run summary is logged and written to the ledger's table (<see cref="ReconcileSummaryStore"/>).
/// </summary>
public class Reconciler
{
    private readonly IOptionsMonitor<RoezanOptions> _accounts = null!;
    private readonly ReconcileLocationLease _lease = null!;
    private readonly ReconcileSteps _steps = null!;
    private readonly ReconcileSummaryStore _summaries = null!;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly ILogger _logger = null!;

    public Reconciler(
        IOptionsMonitor<RoezanOptions> accounts,
        ReconcileLocationLease lease,
        ReconcileSteps steps,
        ReconcileSummaryStore summaries,
        TimeProvider time,
        ILogger<Reconciler> logger)
    {
        _accounts = accounts ?? throw new ArgumentNullException(nameof(accounts));
        _lease = lease ?? throw new ArgumentNullException(nameof(lease));
        _steps = steps ?? throw new ArgumentNullException(nameof(steps));
        _summaries = summaries ?? throw new ArgumentNullException(nameof(summaries));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>For the timer function's test, which mocks <see cref="RunAllAsync"/>.</summary>
    protected Reconciler()
    {
    }

    /// <summary>The GHL locations the configured Roezan accounts feed, each once.</summary>
    public IReadOnlyList<string> Locations() =>
        [.. _accounts.CurrentValue.Accounts.Values
            .Where(account => account is not null && !string.IsNullOrWhiteSpace(account.GhlLocationId))
            .Select(account => account.GhlLocationId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>Reconciles every location, one after another; a location that fails does not stop the others.</summary>
    public virtual async Task<IReadOnlyList<ReconcileRunSummary>> RunAllAsync(CancellationToken cancellationToken)
    {
        var summaries = new List<ReconcileRunSummary>();
        foreach (var locationId in Locations())
        {
            summaries.Add(await ReconcileLocationAsync(locationId, dryRun: false, progress: null, cancellationToken).ConfigureAwait(false));
        }

        return summaries;
    }

    /// <summary>
    /// One run for <paramref name="locationId"/>. With <paramref name="dryRun"/> nothing is written to GHL, the
    /// queues or the cursors: drift is only reported, and what would be re-driven, fed or refreshed is counted.
    /// <paramref name="progress"/> hears the name of each step as it starts.
    /// </summary>
    public async Task<ReconcileRunSummary> ReconcileLocationAsync(string locationId, bool dryRun, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        var accounts = _accounts.CurrentValue.Accounts
            .Where(account => account.Value is not null && string.Equals(account.Value.GhlLocationId, locationId, StringComparison.Ordinal))
            .OrderBy(account => account.Key, StringComparer.Ordinal)
            .ToList();
        if (accounts.Count == 0)
        {
            throw new ArgumentException($"No Roezan account is configured for GHL location '{locationId}' (Roezan:Accounts:<id>:GhlLocationId).", nameof(locationId));
        }

        var runId = Guid.NewGuid().ToString("N")[..12];
        var startedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        var held = await _lease.TryAcquireAsync(locationId, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            ReconcileLog.LeaseHeld(_logger, locationId, runId);
            return await FinishAsync(new ReconcileRunSummary
            {
                LocationId = locationId,
                RunId = runId,
                DryRun = dryRun,
                StartedAt = startedAt,
                Outcome = ReconcileRunOutcome.LeaseHeld,
                Reason = "another run holds the location's lease",
            }).ConfigureAwait(false);
        }

        await using (held.ConfigureAwait(false))
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, held.Lost);
            var previous = await _summaries.ListAsync(locationId, 1, stop.Token).ConfigureAwait(false);
            var run = _steps.NewRun(locationId, accounts, runId, dryRun, previous.Count > 0 ? previous[0].StartedAt : null);

            ReconcileRunOutcome outcome;
            string? reason = null;
            using (GhlRequestPriorityScope.Enter(GhlRequestPriority.Background))
            {
                try
                {
                    await _steps.RunAsync(run, progress, stop.Token).ConfigureAwait(false);
                    outcome = run.StopReason is null ? ReconcileRunOutcome.Completed : ReconcileRunOutcome.Stopped;
                    reason = run.StopReason;
                }
                catch (OperationCanceledException) when (held.Lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    outcome = ReconcileRunOutcome.Failed;
                    reason = "the location's lease was lost";
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    ReconcileLog.RunFailed(_logger, exception, locationId, runId);
                    outcome = ReconcileRunOutcome.Failed;
                    reason = $"{exception.GetType().Name}: {exception.Message}";
                }
            }

            return await FinishAsync(new ReconcileRunSummary
            {
                LocationId = locationId,
                RunId = runId,
                DryRun = dryRun,
                StartedAt = startedAt,
                Duration = _time.GetElapsedTime(started),
                Outcome = outcome,
                Reason = reason,
                TokensRefreshed = run.TokensRefreshed,
                ReDriven = run.ReDriven,
                PermanentFailures = run.PermanentFailures,
                Unreadable = run.Unreadable,
                MessagesFed = run.MessagesFed,
                ContactsChecked = run.ContactsChecked,
                Repaired = run.Repaired,
                GhlChangesFed = run.GhlChangesFed,
                Reported = run.Reported,
                Deleted = run.Deleted,
                Recreated = run.Recreated,
                Pruned = run.Pruned,
                PrunedBlobs = run.PrunedBlobs,
                CallsSpent = run.Ghl.Spent,
                RoezanCallsSpent = run.Roezan.Spent,
            }).ConfigureAwait(false);
        }
    }

    private async Task<ReconcileRunSummary> FinishAsync(ReconcileRunSummary summary)
    {
        ReconcileLog.RunSummary(
            _logger, summary.LocationId, summary.RunId, summary.Outcome, summary.DryRun, summary.ReDriven, summary.Repaired, summary.Reported, summary.GhlChangesFed,
            summary.Deleted, summary.Recreated, summary.MessagesFed, summary.TokensRefreshed, summary.PermanentFailures, summary.CallsSpent,
            summary.RoezanCallsSpent, (long)summary.Duration.TotalMilliseconds, summary.Reason);
        try
        {
            await _summaries.WriteAsync(summary, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException or HttpRequestException or IOException)
        {
            ReconcileLog.SummaryWriteFailed(_logger, exception, summary.LocationId, summary.RunId);
        }

        return summary;
    }
}
