using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace RoezanGhl.Sync.Tokens;

/// <summary>
/// Blob and table clients for the app's storage account, read from <c>AzureWebJobsStorage</c> the way the
/// Functions host reads it: a connection string (<c>UseDevelopmentStorage=true</c> locally), or identity-based
/// <c>AzureWebJobsStorage__blobServiceUri</c> / <c>__tableServiceUri</c> (or <c>__accountName</c>) with the
/// managed identity.
/// </summary>
internal static class TokenStorageClients
{
    public const string SectionName = "AzureWebJobsStorage";

    public static BlobServiceClient CreateBlobServiceClient(IConfiguration configuration, TokenCredential credential, BlobClientOptions options)
    {
        var section = configuration.GetSection(SectionName);
        return string.IsNullOrWhiteSpace(section.Value)
            ? new BlobServiceClient(ServiceUri(section, "blob"), credential, options)
            : new BlobServiceClient(section.Value, options);
    }

    public static TableServiceClient CreateTableServiceClient(IConfiguration configuration, TokenCredential credential, TableClientOptions options)
    {
        var section = configuration.GetSection(SectionName);
        return string.IsNullOrWhiteSpace(section.Value)
            ? new TableServiceClient(ServiceUri(section, "table"), credential, options)
            : new TableServiceClient(section.Value, options);
    }

    private static Uri ServiceUri(IConfigurationSection section, string service)
    {
        var explicitUri = section[$"{service}ServiceUri"];
        if (!string.IsNullOrWhiteSpace(explicitUri) && Uri.TryCreate(explicitUri, UriKind.Absolute, out var uri))
        {
            return uri;
        }

        var accountName = section["accountName"];
        if (!string.IsNullOrWhiteSpace(accountName))
        {
            return new Uri($"https://{accountName}.{service}.core.windows.net");
        }

        throw new InvalidOperationException(
            $"{SectionName} is not set: give a connection string (UseDevelopmentStorage=true locally) or {SectionName}__{service}ServiceUri (or {SectionName}__accountName) for a managed identity.");
    }
}
