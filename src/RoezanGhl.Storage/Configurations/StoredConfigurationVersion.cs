namespace RoezanGhl.Storage.Configurations;

/// <summary>
/// One saved version of an account's configuration: its number (1, 2, …; the first save after the seed is 1),
/// when and by whom it was saved, an optional note ("restored from version 2"), and the document (JSON; null in a
/// listing, which reads the blobs' metadata only).
/// </summary>
public sealed record StoredConfigurationVersion(string AccountId, int Version, DateTimeOffset SavedAt, string SavedBy, string? Note, BinaryData? Content);
