using Azure;
using Azure.Data.Tables;
using RoezanGhl.Storage;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// Used install-state nonces in Table storage (<c>{Sync:TablePrefix}OAuthStates</c>): an insert that fails
/// because the row exists is a reused state. Insert-if-absent holds across instances.
/// </summary>
public sealed class TableOAuthStateNonceStore : IOAuthStateNonceStore
{
    private const string Partition = "state";

    private readonly TableClient _table;
    private readonly RunOnce _created;

    public TableOAuthStateNonceStore(TableClient table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
        _created = new RunOnce(() => _table.CreateIfNotExistsAsync(CancellationToken.None));
    }

    public async Task<bool> TryConsumeAsync(string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nonce);
        await _created.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Partition, TableKeys.Escape(nonce, '%')) { ["ExpiresAt"] = expiresAt };
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }
}
