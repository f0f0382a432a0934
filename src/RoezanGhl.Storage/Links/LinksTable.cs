using Azure.Data.Tables;

namespace RoezanGhl.Storage.Links;

/// <summary>
/// The links table (<c>{Sync:TablePrefix}Links</c>): identity links, contact state, task links and leases.
/// Created on first use, once per process (a failed creation is tried again by the next caller).
/// </summary>
public sealed class LinksTable
{
    private readonly TableClient _client;
    private readonly RunOnce _creation;

    public LinksTable(TableClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _creation = new(() => _client.CreateIfNotExistsAsync(CancellationToken.None));
    }

    public string Name => _client.Name;

    /// <summary>The table client, once the table exists.</summary>
    public async ValueTask<TableClient> GetClientAsync(CancellationToken cancellationToken)
    {
        await _creation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return _client;
    }
}
