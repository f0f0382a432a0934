namespace RoezanGhl.Storage.Configurations;

/// <summary>
/// A save based on a version that is no longer the latest: someone else saved meanwhile. Nothing was written; the
/// editor reloads <see cref="LatestVersion"/> and decides again.
/// </summary>
public sealed class ConfigurationVersionConflictException(string accountId, int basedOn, int latestVersion)
    : Exception($"Account {accountId}: the configuration was edited from version {basedOn}, but version {latestVersion} is the latest now (saved by someone else meanwhile). Reload it and apply the change again.")
{
    public int LatestVersion { get; } = latestVersion;
}
