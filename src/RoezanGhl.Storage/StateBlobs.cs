using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;

namespace RoezanGhl.Storage;

/// <summary>
/// Sync state too large for a table column (a plan with a 20,000-character note, a contact's applied values with
/// a hundred 4,000-character custom fields) kept as a blob in <see cref="StorageNames.StateContainer"/>; the row
/// keeps the blob's name. Blob names are hashes of the row's keys (and of the content), so that no phone or email
/// of a key appears in them and the same content is never uploaded twice.
/// </summary>
public sealed class StateBlobs
{
    /// <summary>
    /// The longest JSON kept in the row itself: a table string property holds 64 KiB (32K UTF-16 characters) and a
    /// whole row 1 MiB, so half a property leaves room for the rest of the row.
    /// </summary>
    public const int InlineLimitChars = 16 * 1024;

    private readonly BlobContainerClient _container;
    private readonly RunOnce _creation;

    public StateBlobs(BlobServiceClient blobs, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(names);
        _container = blobs.GetBlobContainerClient(names.StateContainer);
        _creation = new(() => _container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
    }

    /// <summary>The folder of one row's blobs: a hash of its table, partition and row keys.</summary>
    public static string FolderOf(string table, string partitionKey, string rowKey) =>
        $"{table}/{Hash($"{partitionKey}\n{rowKey}")}/";

    /// <summary>
    /// Where <paramref name="json"/> goes: itself when it fits the row (<see cref="StoredState.Inline"/>), else a blob
    /// under <paramref name="folder"/> named after its content, uploaded unless <paramref name="current"/> is already it.
    /// </summary>
    public async Task<StoredState> StoreAsync(string folder, string name, string? json, string? current, CancellationToken cancellationToken)
    {
        if (json is null || json.Length <= InlineLimitChars)
        {
            return new StoredState(json, null);
        }

        return new StoredState(null, await UploadAsync(folder, name, json, current, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Puts <paramref name="json"/> in a blob under <paramref name="folder"/> named after its content whatever its size
    /// (unless <paramref name="current"/> is already it), and answers with the blob's name.
    /// </summary>
    public async Task<string> UploadAsync(string folder, string name, string json, string? current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        var blobName = $"{folder}{name}-{Hash(json)}.json";
        if (!string.Equals(blobName, current, StringComparison.Ordinal))
        {
            await _creation.EnsureAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _container.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(json), overwrite: false, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.Conflict)
            {
                // Same name, same content: written before (by an earlier attempt or a racing writer).
            }
        }

        return blobName;
    }

    /// <summary>The JSON of a blob written by <see cref="StoreAsync"/>.</summary>
    public async Task<string> ReadAsync(string blobName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        var download = await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return download.Value.Content.ToString();
    }

    /// <summary>Deletes one blob no row points at any more; one already gone is fine.</summary>
    public async Task DeleteAsync(string? blobName, CancellationToken cancellationToken)
    {
        if (blobName is { Length: > 0 })
        {
            await _container.GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes every blob of one row's folder (when the row itself is deleted); returns how many.</summary>
    public async Task<int> DeleteFolderAsync(string folder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var deleted = 0;
        try
        {
            await foreach (var blob in _container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, folder, cancellationToken).ConfigureAwait(false))
            {
                await _container.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                deleted++;
            }
        }
        catch (RequestFailedException exception) when (exception.Status == (int)HttpStatusCode.NotFound)
        {
            // No container yet: nothing was ever spilled.
        }

        return deleted;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
