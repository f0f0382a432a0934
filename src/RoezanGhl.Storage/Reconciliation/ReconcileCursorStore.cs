using Azure.Data.Tables;
using RoezanGhl.Storage.Links;

namespace RoezanGhl.Storage.Reconciliation;

/// <summary>
/// The reconciler's cursors in Table storage (<c>{Sync:TablePrefix}Cursors</c>), one partition per GHL
/// location: the drift sweep's position (<c>drift</c>), the catch-up of GHL changes (<c>ghl-changes</c>), each account's message poll (<c>messages|{account}</c>)
/// and which contacts the current sweep pass has seen (<c>seen|{ghlContactId}</c>). Only the holder of the
/// location's lease writes them, and only after the work they stand for is done, so a run that dies resumes
/// where the last save put it.
/// </summary>
public sealed class ReconcileCursorStore
{
    private const string DriftRow = "drift";
    private const string GhlChangesRow = "ghl-changes";
    private const int BatchLimit = 100;

    private readonly TableClient _table;
    private readonly RunOnce _creation;

    public ReconcileCursorStore(TableServiceClient tables, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _table = tables.GetTableClient(names.CursorsTable);
        _creation = new(() => _table.CreateIfNotExistsAsync(CancellationToken.None));
    }

    public async Task<DriftCursor> GetDriftCursorAsync(string locationId, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(locationId, DriftRow, cancellationToken).ConfigureAwait(false);
        return row is null
            ? DriftCursor.Start
            : new DriftCursor
            {
                StartAfter = row.GetInt64(nameof(DriftCursor.StartAfter)),
                StartAfterId = Text(row, nameof(DriftCursor.StartAfterId)),
                Pass = row.GetInt32(nameof(DriftCursor.Pass)) ?? 1,
                PassStartedAt = row.GetDateTimeOffset(nameof(DriftCursor.PassStartedAt)),
                CheckingDeletions = row.GetBoolean(nameof(DriftCursor.CheckingDeletions)) ?? false,
                DeletionAfter = Text(row, nameof(DriftCursor.DeletionAfter)),
            };
    }

    public Task SaveDriftCursorAsync(string locationId, DriftCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var row = new TableEntity(Partition(locationId), DriftRow)
        {
            [nameof(DriftCursor.StartAfter)] = cursor.StartAfter,
            [nameof(DriftCursor.StartAfterId)] = cursor.StartAfterId,
            [nameof(DriftCursor.Pass)] = cursor.Pass,
            [nameof(DriftCursor.PassStartedAt)] = cursor.PassStartedAt,
            [nameof(DriftCursor.CheckingDeletions)] = cursor.CheckingDeletions,
            [nameof(DriftCursor.DeletionAfter)] = cursor.DeletionAfter,
        };
        return ReplaceAsync(row, cancellationToken);
    }

    public async Task<MessageCursor> GetMessageCursorAsync(string locationId, string accountId, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(locationId, MessageRow(accountId), cancellationToken).ConfigureAwait(false);
        return row is null
            ? new MessageCursor()
            : new MessageCursor
            {
                Since = row.GetDateTimeOffset(nameof(MessageCursor.Since)),
                PassStartedAt = row.GetDateTimeOffset(nameof(MessageCursor.PassStartedAt)),
                AfterContact = Text(row, nameof(MessageCursor.AfterContact)),
            };
    }

    public Task SaveMessageCursorAsync(string locationId, string accountId, MessageCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var row = new TableEntity(Partition(locationId), MessageRow(accountId))
        {
            [nameof(MessageCursor.Since)] = cursor.Since,
            [nameof(MessageCursor.PassStartedAt)] = cursor.PassStartedAt,
            [nameof(MessageCursor.AfterContact)] = cursor.AfterContact,
        };
        return ReplaceAsync(row, cancellationToken);
    }

    public async Task<GhlChangeCursor> GetGhlChangeCursorAsync(string locationId, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(locationId, GhlChangesRow, cancellationToken).ConfigureAwait(false);
        return row is null
            ? new GhlChangeCursor()
            : new GhlChangeCursor
            {
                Since = row.GetDateTimeOffset(nameof(GhlChangeCursor.Since)),
                SearchAfter = Text(row, nameof(GhlChangeCursor.SearchAfter)),
                WalkStartedAt = row.GetDateTimeOffset(nameof(GhlChangeCursor.WalkStartedAt)),
            };
    }

    public Task SaveGhlChangeCursorAsync(string locationId, GhlChangeCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var row = new TableEntity(Partition(locationId), GhlChangesRow)
        {
            [nameof(GhlChangeCursor.Since)] = cursor.Since,
            [nameof(GhlChangeCursor.SearchAfter)] = cursor.SearchAfter,
            [nameof(GhlChangeCursor.WalkStartedAt)] = cursor.WalkStartedAt,
        };
        return ReplaceAsync(row, cancellationToken);
    }

    /// <summary>Marks contacts as seen by sweep pass <paramref name="pass"/> (batches of 100 in the location's partition).</summary>
    public async Task MarkSeenAsync(string locationId, int pass, IEnumerable<string> ghlContactIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ghlContactIds);
        await _creation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var partition = Partition(locationId);
        foreach (var chunk in ghlContactIds.Distinct(StringComparer.Ordinal).Chunk(BatchLimit))
        {
            var actions = chunk.Select(id => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, SeenRow(id)) { ["Pass"] = pass }));
            await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The last sweep pass that saw the contact, or null when none did.</summary>
    public async Task<int?> GetSeenPassAsync(string locationId, string ghlContactId, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(locationId, SeenRow(ghlContactId), cancellationToken).ConfigureAwait(false);
        return row?.GetInt32("Pass");
    }

    private async Task<TableEntity?> ReadAsync(string locationId, string rowKey, CancellationToken cancellationToken)
    {
        await _creation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(locationId), rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value : null;
    }

    private async Task ReplaceAsync(TableEntity row, CancellationToken cancellationToken)
    {
        await _creation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private static string Partition(string locationId) => LinkRowKeys.Escape(locationId);

    private static string MessageRow(string accountId) => "messages|" + LinkRowKeys.Escape(accountId.ToLowerInvariant());

    private static string SeenRow(string ghlContactId) => "seen|" + LinkRowKeys.Escape(ghlContactId);

    private static string? Text(TableEntity row, string column) => row.GetString(column) is { Length: > 0 } value ? value : null;
}
