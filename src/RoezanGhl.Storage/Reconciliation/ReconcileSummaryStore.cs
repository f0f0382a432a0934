using System.Text.Json;
using Azure.Data.Tables;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Links;

namespace RoezanGhl.Storage.Reconciliation;

/// <summary>
/// Run summaries in the event ledger's table, partition <see cref="Partition"/> (a name no account can have:
/// account ids hold no <c>~</c>), one row per run and location, newest first within a location.
/// </summary>
public sealed class ReconcileSummaryStore
{
    public const string Partition = "~reconcile";

    private const string JsonColumn = "Json";
    private const string SummaryColumn = "Summary";

    private readonly TableClient _table;
    private readonly RunOnce _creation;

    public ReconcileSummaryStore(TableServiceClient tables, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _table = tables.GetTableClient(names.EventsTable);
        _creation = new(() => _table.CreateIfNotExistsAsync(CancellationToken.None));
    }

    public async Task WriteAsync(ReconcileRunSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        await _creation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(Partition, RowKey(summary.LocationId, summary.StartedAt, summary.RunId))
        {
            // A few columns to filter on in a table browser, the whole summary as JSON, and the line people read.
            [nameof(ReconcileRunSummary.LocationId)] = summary.LocationId,
            [nameof(ReconcileRunSummary.StartedAt)] = summary.StartedAt,
            [nameof(ReconcileRunSummary.Outcome)] = summary.Outcome.ToString(),
            [JsonColumn] = JsonSerializer.Serialize(summary, ReconcileJsonContext.Default.ReconcileRunSummary),
            [SummaryColumn] = summary.Describe(),
        };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The location's latest runs, newest first.</summary>
    public async Task<IReadOnlyList<ReconcileRunSummary>> ListAsync(string locationId, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await _creation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var prefix = LinkRowKeys.Escape(locationId) + "|";
        var filter = "PartitionKey eq " + TableClient.CreateQueryFilter($"{Partition}")
            + " and RowKey gt " + TableClient.CreateQueryFilter($"{prefix}")
            + " and RowKey lt " + TableClient.CreateQueryFilter($"{prefix[..^1] + "}"}");
        var runs = new List<ReconcileRunSummary>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: take, select: [JsonColumn], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString(JsonColumn) is { Length: > 0 } json && JsonSerializer.Deserialize(json, ReconcileJsonContext.Default.ReconcileRunSummary) is { } run)
            {
                runs.Add(run);
            }

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
