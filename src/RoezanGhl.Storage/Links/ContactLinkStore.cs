using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using RoezanGhl.Storage.Leases;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Storage.Links;

/// <summary>
/// Contact identity in Table storage, per GHL location: Roezan contact id, E.164 phone and email → GHL
/// contact id; per GHL contact the values we last wrote and when (ordering, change detection, drift
/// repair); per Roezan task its GHL task. Writes are upserts of whole rows keyed by identity, so writing
/// the same link twice is harmless (idempotent); who may write a contact's state is decided by the leases
/// (<see cref="LeaseStore"/>), not here.
/// </summary>
public sealed class ContactLinkStore
{
    private readonly LinksTable _table;
    private readonly StateBlobs _blobs;
    private readonly ContactLinkCache _cache;

    public ContactLinkStore(LinksTable table, StateBlobs blobs, ContactLinkCache cache)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
        _blobs = blobs ?? throw new ArgumentNullException(nameof(blobs));
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
    }

    /// <summary>The links this instance read or wrote lately (<see cref="ContactLinkCache"/> says how it is invalidated).</summary>
    public ContactLinkCache Cache => _cache;

    /// <summary>The GHL contact linked to any of <paramref name="identity"/>'s identities: Roezan id first, then phone, then email.</summary>
    public async Task<string?> FindContactIdAsync(string locationId, string accountId, ContactIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var partition = LinkRowKeys.Partition(locationId);
        var keys = IndexKeys(accountId, identity).ToList();

        // The first identity in priority order decides, so only its cached row can answer without the table.
        if (keys.Count > 0 && _cache.Find(partition, keys[0]) is { } cached)
        {
            return cached;
        }

        var table = await _table.GetClientAsync(cancellationToken).ConfigureAwait(false);
        var lookups = keys
            .Select(rowKey => table.GetEntityIfExistsAsync<LinkIndexEntity>(partition, rowKey, cancellationToken: cancellationToken))
            .ToList();
        var found = await Task.WhenAll(lookups).ConfigureAwait(false);
        foreach (var response in found)
        {
            if (response.HasValue && response.Value is { } row)
            {
                _cache.Remember(partition, row.RowKey, row.GhlContactId);
            }
        }

        return found.FirstOrDefault(response => response.HasValue)?.Value?.GhlContactId;
    }

    /// <summary>What is known about the event's contact and task (null members when not linked).</summary>
    public Task<SyncSnapshot> ReadSnapshotAsync(string locationId, string accountId, EventSubject subject, CancellationToken cancellationToken) =>
        ReadSnapshotAsync(locationId, accountId, subject, includeContactState: true, cancellationToken);

    /// <summary>
    /// As the other overload; without <paramref name="includeContactState"/> the contact's recorded state row is not
    /// read (the snapshot names the linked contact with no values): enough to choose the leases a plan needs, never
    /// to plan the change that runs.
    /// </summary>
    public async Task<SyncSnapshot> ReadSnapshotAsync(string locationId, string accountId, EventSubject subject, bool includeContactState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var table = await _table.GetClientAsync(cancellationToken).ConfigureAwait(false);
        var partition = LinkRowKeys.Partition(locationId);
        var taskRead = subject.RoezanTaskId is { } taskId
            ? table.GetEntityIfExistsAsync<TaskLinkEntity>(partition, LinkRowKeys.RoezanTask(accountId, taskId), cancellationToken: cancellationToken)
            : null;

        var contactId = await FindContactIdAsync(locationId, accountId, subject.Contact, cancellationToken).ConfigureAwait(false);
        var task = taskRead is null ? null : await taskRead.ConfigureAwait(false);
        var taskSnapshot = task is { HasValue: true, Value: { } linkedTask } ? await ToSnapshotAsync(linkedTask, cancellationToken).ConfigureAwait(false) : null;

        // A task already linked names its GHL contact even when the contact's own links are not readable.
        contactId ??= taskSnapshot?.GhlContactId;
        var contact = contactId is null ? null
            : includeContactState ? await ReadContactAsync(locationId, contactId, cancellationToken).ConfigureAwait(false)
            : new ContactSnapshot { GhlContactId = contactId };
        return new SyncSnapshot { Contact = contact, Task = taskSnapshot };
    }

    /// <summary>The recorded state of one GHL contact; a link without a state row reads as an empty state.</summary>
    public async Task<ContactSnapshot> ReadContactAsync(string locationId, string ghlContactId, CancellationToken cancellationToken)
    {
        var table = await _table.GetClientAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<ContactStateEntity>(LinkRowKeys.Partition(locationId), LinkRowKeys.ContactState(ghlContactId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value is not { } state)
        {
            return new ContactSnapshot { GhlContactId = ghlContactId };
        }

        return await ToSnapshotAsync(state, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Links every identity of <paramref name="identity"/> to <paramref name="ghlContactId"/> and, when
    /// <paramref name="state"/> is given, records it as the contact's last applied state. One batch in the
    /// location's partition: all of it is written or none.
    /// </summary>
    public async Task RecordContactAsync(string locationId, string accountId, string ghlContactId, ContactIdentity identity, ContactSnapshot? state, string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ghlContactId);
        ArgumentNullException.ThrowIfNull(identity);
        var table = await _table.GetClientAsync(cancellationToken).ConfigureAwait(false);
        var partition = LinkRowKeys.Partition(locationId);
        var actions = IndexKeys(accountId, identity)
            .Select(rowKey => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new LinkIndexEntity
            {
                PartitionKey = partition,
                RowKey = rowKey,
                GhlContactId = ghlContactId,
                EventId = eventId,
            }))
            .ToList();
        if (state is not null)
        {
            var rowKey = LinkRowKeys.ContactState(ghlContactId);
            var fields = await StoreFieldsAsync(partition, rowKey, JsonSerializer.Serialize(state.Fields, SyncStateJson.Context.ContactFields), cancellationToken).ConfigureAwait(false);
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new ContactStateEntity
            {
                PartitionKey = partition,
                RowKey = rowKey,
                GhlContactId = ghlContactId,
                Fields = fields.Inline,
                FieldsBlob = fields.BlobName,
                LastOccurredAt = state.LastOccurredAt,
                FieldChanges = state.FieldChanges.Count == 0 ? null : JsonSerializer.Serialize(new Dictionary<string, FieldChange>(state.FieldChanges, StringComparer.Ordinal), SyncStateJson.Context.DictionaryStringFieldChange),
                LastEventId = state.LastEventId,
                AccountId = accountId,
                RoezanContactId = identity.RoezanContactId,
            }));
        }

        if (actions.Count > 0)
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            foreach (var action in actions)
            {
                if (action.Entity is LinkIndexEntity link)
                {
                    _cache.Remember(partition, link.RowKey, ghlContactId);
                }
            }
        }
    }

    /// <summary>
    /// Every GHL contact of the location with a recorded state, in row order, after <paramref name="afterGhlContactId"/>
    /// when given: what the reconciler compares GHL with and polls Roezan for.
    /// </summary>
    public async IAsyncEnumerable<LinkedContact> ListLinkedContactsAsync(string locationId, string? afterGhlContactId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await _table.GetClientAsync(cancellationToken).ConfigureAwait(false);
        var partition = LinkRowKeys.Partition(locationId);
        // '}' follows '|': the range holds exactly the rows that start with the prefix.
        var from = afterGhlContactId is null ? LinkRowKeys.ContactStatePrefix : LinkRowKeys.ContactState(afterGhlContactId);
        var end = LinkRowKeys.ContactStatePrefix[..^1] + "}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {from} and RowKey lt {end}");
        await foreach (var state in table.QueryAsync<ContactStateEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new LinkedContact
            {
                State = await ToSnapshotAsync(state, cancellationToken).ConfigureAwait(false),
                AccountId = state.AccountId,
                RoezanContactId = state.RoezanContactId,
            };
        }
    }

    /// <summary>Drops the recorded state of a GHL contact that no longer exists (the reconciler made it again under a new id).</summary>
    public async Task ForgetContactAsync(string locationId, string ghlContactId, CancellationToken cancellationToken)
    {
        var table = await _table.GetClientAsync(cancellationToken).ConfigureAwait(false);
        _cache.DropContact(ghlContactId);
        await table.DeleteEntityAsync(LinkRowKeys.Partition(locationId), LinkRowKeys.ContactState(ghlContactId), ETag.All, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Unlinks identities that no longer lead to their GHL contact (a Roezan contact left behind when the phone changed
    /// in GHL): their index rows are deleted; one already gone is fine.
    /// </summary>
    public async Task ForgetIdentitiesAsync(string locationId, string accountId, ContactIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var table = await _table.GetClientAsync(cancellationToken).ConfigureAwait(false);
        foreach (var rowKey in IndexKeys(accountId, identity))
        {
            _cache.Drop(LinkRowKeys.Partition(locationId), rowKey);
            await table.DeleteEntityAsync(LinkRowKeys.Partition(locationId), rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Links a Roezan task to its GHL task with the values last written (an upsert: repeating it is harmless).</summary>
    public async Task RecordTaskAsync(string locationId, string accountId, string roezanTaskId, TaskSnapshot task, string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var table = await _table.GetClientAsync(cancellationToken).ConfigureAwait(false);
        var partition = LinkRowKeys.Partition(locationId);
        var rowKey = LinkRowKeys.RoezanTask(accountId, roezanTaskId);
        var fields = await StoreFieldsAsync(partition, rowKey, JsonSerializer.Serialize(task.Fields, SyncStateJson.Context.TaskFields), cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(
            new TaskLinkEntity
            {
                PartitionKey = partition,
                RowKey = rowKey,
                GhlTaskId = task.GhlTaskId,
                GhlContactId = task.GhlContactId,
                Fields = fields.Inline,
                FieldsBlob = fields.BlobName,
                LastOccurredAt = task.LastOccurredAt,
                LastEventId = task.LastEventId ?? eventId,
            },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }

    private static List<string> IndexKeys(string accountId, ContactIdentity identity)
    {
        var keys = new List<string>(3);
        if (identity.RoezanContactId is { } roezanId) keys.Add(LinkRowKeys.RoezanContact(accountId, roezanId));
        if (identity.Phone is { } phone) keys.Add(LinkRowKeys.Phone(phone));
        if (identity.Email is { } email) keys.Add(LinkRowKeys.Email(email));
        return keys;
    }

    // Values too large for the row (a hundred long custom fields, a 20,000-character task body) go to a blob.
    private Task<StoredState> StoreFieldsAsync(string partition, string rowKey, string json, CancellationToken cancellationToken) =>
        _blobs.StoreAsync(StateBlobs.FolderOf(_table.Name, partition, rowKey), "fields", json, null, cancellationToken);

    private async Task<string?> FieldsJsonAsync(string? inline, string? blob, CancellationToken cancellationToken) =>
        blob is { Length: > 0 } ? await _blobs.ReadAsync(blob, cancellationToken).ConfigureAwait(false) : inline;

    private async Task<ContactSnapshot> ToSnapshotAsync(ContactStateEntity state, CancellationToken cancellationToken) => new()
    {
        GhlContactId = state.GhlContactId,
        Fields = await FieldsJsonAsync(state.Fields, state.FieldsBlob, cancellationToken).ConfigureAwait(false) is { Length: > 0 } json
            ? JsonSerializer.Deserialize(json, SyncStateJson.Context.ContactFields) ?? ContactFields.Empty
            : ContactFields.Empty,
        LastOccurredAt = state.LastOccurredAt,
        FieldChanges = state.FieldChanges is { Length: > 0 } times
            ? new Dictionary<string, FieldChange>(JsonSerializer.Deserialize(times, SyncStateJson.Context.DictionaryStringFieldChange) ?? [], StringComparer.Ordinal)
            : new Dictionary<string, FieldChange>(StringComparer.Ordinal),
        LastEventId = state.LastEventId,
    };

    private async Task<TaskSnapshot> ToSnapshotAsync(TaskLinkEntity task, CancellationToken cancellationToken) => new()
    {
        GhlTaskId = task.GhlTaskId,
        GhlContactId = task.GhlContactId,
        Fields = await FieldsJsonAsync(task.Fields, task.FieldsBlob, cancellationToken).ConfigureAwait(false) is { Length: > 0 } json
            ? JsonSerializer.Deserialize(json, SyncStateJson.Context.TaskFields) ?? new TaskFields()
            : new TaskFields(),
        LastOccurredAt = task.LastOccurredAt,
        LastEventId = task.LastEventId,
    };
}
