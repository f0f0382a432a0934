using RoezanGhl.TestSupport;

namespace RoezanGhl.Infra.Tests;

/// <summary>Where the infra files are in the repository (<see cref="RepositoryRoot"/>).</summary>
public static class RepositoryLayout
{
    public static string Root => RepositoryRoot.Path;

    public static string InfraDirectory => Path.Combine(Root, "infra");

    public static string MainBicep => Path.Combine(InfraDirectory, "main.bicep");

    public static string MainBicepParam => Path.Combine(InfraDirectory, "main.bicepparam");

    public static string AccountsBicep => Path.Combine(InfraDirectory, "modules", "accounts.bicep");

    public static string LocalSettingsSample => Path.Combine(Root, "local.settings.sample.json");
}
