namespace RoezanGhl.Storage;

/// <summary>Where a piece of sync state was put by <see cref="StateBlobs.StoreAsync"/>: in the row (<see cref="Inline"/>) or in a blob (<see cref="BlobName"/>); both null for no state.</summary>
public sealed record StoredState(string? Inline, string? BlobName);
