namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// The needs-attention mark of each GHL location, shared by every instance and read by the health endpoint
/// and the CLI.
/// </summary>
public interface ILocationStatusStore
{
    /// <summary>The location's status, or null when nothing was ever recorded for it.</summary>
    Task<GhlLocationStatus?> GetAsync(string locationId, CancellationToken cancellationToken);

    /// <summary>Marks the location: its token secret (identified by <paramref name="secretFingerprint"/>) was refused.</summary>
    Task MarkNeedsAttentionAsync(string locationId, string reason, string secretFingerprint, CancellationToken cancellationToken);

    /// <summary>Removes the mark (a new token was stored).</summary>
    Task ClearAsync(string locationId, CancellationToken cancellationToken);

    /// <summary>Every location that needs attention now.</summary>
    IAsyncEnumerable<GhlLocationStatus> ListNeedingAttentionAsync(CancellationToken cancellationToken);
}
