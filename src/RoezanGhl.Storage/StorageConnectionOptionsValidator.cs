using Microsoft.Extensions.Options;

namespace RoezanGhl.Storage;

/// <summary>Stops the app on start when the storage setting is missing, naming the settings to add.</summary>
internal sealed class StorageConnectionOptionsValidator : IValidateOptions<StorageConnectionOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageConnectionOptions options)
    {
        if (options.UsesConnectionString)
        {
            return ValidateOptionsResult.Success;
        }

        List<string>? missing = null;
        if (options.ResolveQueueServiceUri() is null)
        {
            (missing ??= []).Add("AzureWebJobsStorage__queueServiceUri");
        }

        if (options.ResolveTableServiceUri() is null)
        {
            (missing ??= []).Add("AzureWebJobsStorage__tableServiceUri");
        }

        if (options.ResolveBlobServiceUri() is null)
        {
            (missing ??= []).Add("AzureWebJobsStorage__blobServiceUri");
        }

        return missing is null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "The AzureWebJobsStorage setting is incomplete: set it to a connection string (UseDevelopmentStorage=true for Azurite), " +
                "or set AzureWebJobsStorage__accountName or each of " + string.Join(", ", missing) +
                " (with AzureWebJobsStorage__credential=managedidentity and __clientId for a user-assigned identity).");
    }
}
