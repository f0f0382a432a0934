using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using RoezanGhl.Sync.Configuration;
using RoezanGhl.Sync.Ledger;
using RoezanGhl.Sync.Links;
using RoezanGhl.Sync.Storage;

namespace RoezanGhl.Sync.Reconciliation;

/// <summary>
/// Run summaries in the event ledger's table, partition <see cref="Partition"/> (a name no account can have:
/// account ids hold no <c>~</c>), one row per run and location, newest first within a location.
/// </summary>
public class ReconcileSummaryStore
{
    public const string Partition = "~reconcile";

    private readonly TableClient _table = null!;
    private readonly CreateIfMissingOnce _creation = null!;

    public ReconcileSummaryStore(TableServiceClient tables, IOptions<SyncOptions> options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        _table = tables.GetTableClient(options.Value.TablePrefix + EventLedger.TableSuffix);
        _creation = new(ct => _table.CreateIfNotExistsAsync(ct));
    }

    /// <summary>For mocking.</summary>
    protected ReconcileSummaryStore()
    {
    }

    public virtual async Task WriteAsync(ReconcileRunSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        await _creation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(Partition, RowKey(summary.LocationId, summary.StartedAt, summary.RunId))
        {
            [nameof(ReconcileRunSummary.LocationId)] = summary.LocationId,
            [nameof(ReconcileRunSummary.RunId)] = summary.RunId,
            [nameof(ReconcileRunSummary.DryRun)] = summary.DryRun,
            [nameof(ReconcileRunSummary.StartedAt)] = summary.StartedAt,
            ["DurationMs"] = (long)summary.Duration.TotalMilliseconds,
            [nameof(ReconcileRunSummary.Outcome)] = summary.Outcome.ToString(),
            [nameof(ReconcileRunSummary.Reason)] = summary.Reason,
            [nameof(ReconcileRunSummary.TokensRefreshed)] = summary.TokensRefreshed,
            [nameof(ReconcileRunSummary.ReDriven)] = summary.ReDriven,
            [nameof(ReconcileRunSummary.PermanentFailures)] = summary.PermanentFailures,
            [nameof(ReconcileRunSummary.Unreadable)] = summary.Unreadable,
            [nameof(ReconcileRunSummary.MessagesFed)] = summary.MessagesFed,
            [nameof(ReconcileRunSummary.ContactsChecked)] = summary.ContactsChecked,
            [nameof(ReconcileRunSummary.Repaired)] = summary.Repaired,
            [nameof(ReconcileRunSummary.Reported)] = summary.Reported,
            [nameof(ReconcileRunSummary.Deleted)] = summary.Deleted,
            [nameof(ReconcileRunSummary.Recreated)] = summary.Recreated,
            [nameof(ReconcileRunSummary.CallsSpent)] = summary.CallsSpent,
            [nameof(ReconcileRunSummary.RoezanCallsSpent)] = summary.RoezanCallsSpent,
            ["Summary"] = summary.Describe(),
        };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The location's latest runs, newest first.</summary>
    public virtual async Task<IReadOnlyList<ReconcileRunSummary>> ListAsync(string locationId, int take, CancellationToken cancellationToken)
    {
        await _creation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var prefix = LinkRowKeys.Escape(locationId) + "|";
        var filter = "PartitionKey eq " + TableClient.CreateQueryFilter($"{Partition}")
            + " and RowKey gt " + TableClient.CreateQueryFilter($"{prefix}")
            + " and RowKey lt " + TableClient.CreateQueryFilter($"{prefix[..^1] + "}"}");
        var runs = new List<ReconcileRunSummary>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: take, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            runs.Add(new ReconcileRunSummary
            {
                LocationId = row.GetString(nameof(ReconcileRunSummary.LocationId)) ?? locationId,
                RunId = row.GetString(nameof(ReconcileRunSummary.RunId)) ?? "",
                DryRun = row.GetBoolean(nameof(ReconcileRunSummary.DryRun)) ?? false,
                StartedAt = row.GetDateTimeOffset(nameof(ReconcileRunSummary.StartedAt)) ?? default,
                Duration = TimeSpan.FromMilliseconds(row.GetInt64("DurationMs") ?? 0),
                Outcome = Enum.TryParse<ReconcileRunOutcome>(row.GetString(nameof(ReconcileRunSummary.Outcome)), out var outcome) ? outcome : ReconcileRunOutcome.Failed,
                Reason = row.GetString(nameof(ReconcileRunSummary.Reason)),
                TokensRefreshed = row.GetInt32(nameof(ReconcileRunSummary.TokensRefreshed)) ?? 0,
                ReDriven = row.GetInt32(nameof(ReconcileRunSummary.ReDriven)) ?? 0,
                PermanentFailures = row.GetInt32(nameof(ReconcileRunSummary.PermanentFailures)) ?? 0,
                Unreadable = row.GetInt32(nameof(ReconcileRunSummary.Unreadable)) ?? 0,
                MessagesFed = row.GetInt32(nameof(ReconcileRunSummary.MessagesFed)) ?? 0,
                ContactsChecked = row.GetInt32(nameof(ReconcileRunSummary.ContactsChecked)) ?? 0,
                Repaired = row.GetInt32(nameof(ReconcileRunSummary.Repaired)) ?? 0,
                Reported = row.GetInt32(nameof(ReconcileRunSummary.Reported)) ?? 0,
                Deleted = row.GetInt32(nameof(ReconcileRunSummary.Deleted)) ?? 0,
                Recreated = row.GetInt32(nameof(ReconcileRunSummary.Recreated)) ?? 0,
                CallsSpent = row.GetInt32(nameof(ReconcileRunSummary.CallsSpent)) ?? 0,
                RoezanCallsSpent = row.GetInt32(nameof(ReconcileRunSummary.RoezanCallsSpent)) ?? 0,
            });
            if (runs.Count >= take)
            {
                break;
            }
        }

        return runs;
    }

    // Newest first within the location: the start time counted down from the largest tick value.
    private static string RowKey(string locationId, DateTimeOffset startedAt, string runId) =>
        $"{LinkRowKeys.Escape(locationId)}|{DateTimeOffset.MaxValue.UtcTicks - startedAt.UtcTicks:D19}|{runId}";
}
