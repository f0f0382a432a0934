namespace RoezanGhl.Storage;

/// <summary>
/// The app's storage account, read from the <c>AzureWebJobsStorage</c> setting exactly as the Functions host
/// reads it: either a connection string (<c>UseDevelopmentStorage=true</c> locally) or, identity-based,
/// <c>AzureWebJobsStorage__queueServiceUri</c> / <c>__tableServiceUri</c> / <c>__blobServiceUri</c>
/// (or <c>__accountName</c>) with <c>__credential=managedidentity</c> and <c>__clientId</c> for a
/// user-assigned identity.
/// </summary>
public sealed class StorageConnectionOptions
{
    public const string SectionName = "AzureWebJobsStorage";

    /// <summary>The setting's own value, when it is a connection string.</summary>
    public string? ConnectionString { get; set; }

    public string? AccountName { get; set; }

    public Uri? QueueServiceUri { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>The queue endpoint for identity-based access: the explicit URI or the account's public one.</summary>
    public Uri? ResolveQueueServiceUri() => QueueServiceUri ?? FromAccountName("queue");

    public Uri? ResolveTableServiceUri() => TableServiceUri ?? FromAccountName("table");

    public Uri? ResolveBlobServiceUri() => BlobServiceUri ?? FromAccountName("blob");

    private Uri? FromAccountName(string service) =>
        string.IsNullOrWhiteSpace(AccountName) ? null : new Uri($"https://{AccountName}.{service}.core.windows.net");
}
