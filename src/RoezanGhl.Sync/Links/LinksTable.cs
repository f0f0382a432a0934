using Azure.Data.Tables;

namespace RoezanGhl.Sync.Links;

/// <summary>
/// The links table (<c>{Sync:TablePrefix}Links</c>): identity links, contact state, task links and leases.
/// Created on first use, once per process (a failed creation is tried again by the next caller).
/// </summary>
public sealed class LinksTable
{
    private readonly TableClient _client;
    private readonly Lock _gate = new();
    private Task? _creation;

    public LinksTable(TableClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    public string Name => _client.Name;

    /// <summary>The table client, once the table exists.</summary>
    public async ValueTask<TableClient> GetClientAsync(CancellationToken cancellationToken)
    {
        Task creation;
        lock (_gate)
        {
            if (_creation is null || _creation.IsFaulted || _creation.IsCanceled)
            {
                _creation = _client.CreateIfNotExistsAsync(CancellationToken.None);
            }

            creation = _creation;
        }

        await creation.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _client;
    }
}
