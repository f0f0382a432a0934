using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace RoezanGhl.Storage.Configurations;

/// <summary>
/// The versions of each account's configuration saved from the console, in blob storage
/// (<see cref="StorageNames.ConfigurationsContainer"/>): one blob per version, <c>{account}/{version:000000}.json</c>,
/// never overwritten. A save names the version it was edited from and writes the next number with
/// <c>If-None-Match: *</c>, so of two editors who started from the same version only the first one's save is stored;
/// the other gets a <see cref="ConfigurationVersionConflictException"/>. The latest version is the highest number, so
/// there is no pointer blob that could disagree with the versions. Restoring a version saves its content again as a
/// new version: history only grows.
/// </summary>
public sealed class AccountConfigurationVersions
{
    private const string SavedAtKey = "savedat";
    private const string SavedByKey = "savedby";
    private const string NoteKey = "note";

    private readonly BlobContainerClient _container;
    private readonly RunOnce _creation;

    public AccountConfigurationVersions(BlobServiceClient blobs, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(names);
        _container = blobs.GetBlobContainerClient(names.ConfigurationsContainer);
        _creation = new RunOnce(() => _container.CreateIfNotExistsAsync());
    }

    /// <summary>Every version of the account, newest first, without their documents.</summary>
    public async Task<IReadOnlyList<StoredConfigurationVersion>> ListAsync(string accountId, CancellationToken cancellationToken)
    {
        await _creation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var versions = new List<StoredConfigurationVersion>();
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, Prefix(accountId), cancellationToken).ConfigureAwait(false))
        {
            if (VersionOf(blob.Name) is { } version)
            {
                versions.Add(Describe(accountId, version, blob.Metadata, content: null));
            }
        }

        return [.. versions.OrderByDescending(version => version.Version)];
    }

    /// <summary>The highest version of the account with its document, or null when nothing was saved for it.</summary>
    public async Task<StoredConfigurationVersion?> GetLatestAsync(string accountId, CancellationToken cancellationToken)
    {
        var latest = await LatestNumberAsync(accountId, cancellationToken).ConfigureAwait(false);
        return latest == 0 ? null : await GetAsync(accountId, latest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The number of the latest version, 0 when none was saved.</summary>
    public async Task<int> LatestNumberAsync(string accountId, CancellationToken cancellationToken)
    {
        await _creation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var latest = 0;
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, Prefix(accountId), cancellationToken).ConfigureAwait(false))
        {
            latest = Math.Max(latest, VersionOf(blob.Name) ?? 0);
        }

        return latest;
    }

    /// <summary>One version with its document, or null when the account has no such version.</summary>
    public async Task<StoredConfigurationVersion?> GetAsync(string accountId, int version, CancellationToken cancellationToken)
    {
        await _creation.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var download = await _container.GetBlobClient(Name(accountId, version)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return Describe(accountId, version, download.Value.Details.Metadata, download.Value.Content);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Stores <paramref name="content"/> as the version after <paramref name="basedOn"/> (0: edited from the seed) and
    /// returns it. Throws <see cref="ConfigurationVersionConflictException"/> when <paramref name="basedOn"/> is not the
    /// latest version, or another save took the next number first.
    /// </summary>
    public async Task<StoredConfigurationVersion> SaveAsync(string accountId, int basedOn, BinaryData content, string savedBy, string? note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(savedBy);
        var latest = await LatestNumberAsync(accountId, cancellationToken).ConfigureAwait(false);
        if (latest != basedOn)
        {
            throw new ConfigurationVersionConflictException(accountId, basedOn, latest);
        }

        var version = basedOn + 1;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SavedAtKey] = now.ToString("O", CultureInfo.InvariantCulture),
            [SavedByKey] = Uri.EscapeDataString(savedBy),
        };
        if (!string.IsNullOrEmpty(note))
        {
            metadata[NoteKey] = Uri.EscapeDataString(note);
        }

        try
        {
            await _container.GetBlobClient(Name(accountId, version)).UploadAsync(content, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = metadata,
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            throw new ConfigurationVersionConflictException(accountId, basedOn, await LatestNumberAsync(accountId, cancellationToken).ConfigureAwait(false));
        }

        return new StoredConfigurationVersion(Key(accountId), version, now, savedBy, note, content);
    }

    // Account ids are matched without regard to case (as the webhook route and the settings match them).
    private static string Key(string accountId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        return accountId.ToLowerInvariant();
    }

    private static string Prefix(string accountId) => Key(accountId) + "/";

    private static string Name(string accountId, int version) => string.Create(CultureInfo.InvariantCulture, $"{Prefix(accountId)}{version:D6}.json");

    private static int? VersionOf(string blobName)
    {
        var file = blobName[(blobName.LastIndexOf('/') + 1)..];
        return file.EndsWith(".json", StringComparison.Ordinal) && int.TryParse(file[..^5], NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : null;
    }

    private static StoredConfigurationVersion Describe(string accountId, int version, IDictionary<string, string> metadata, BinaryData? content) =>
        new(
            Key(accountId),
            version,
            metadata.TryGetValue(SavedAtKey, out var at) && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var savedAt) ? savedAt : default,
            metadata.TryGetValue(SavedByKey, out var by) ? Uri.UnescapeDataString(by) : "unknown",
            metadata.TryGetValue(NoteKey, out var note) ? Uri.UnescapeDataString(note) : null,
            content);
}
