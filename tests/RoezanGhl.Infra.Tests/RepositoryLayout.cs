namespace RoezanGhl.Infra.Tests;

/// <summary>Where the repository's files are, found from the test binary by walking up to the solution.</summary>
public static class RepositoryLayout
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string InfraDirectory => Path.Combine(Root, "infra");

    public static string MainBicep => Path.Combine(InfraDirectory, "main.bicep");

    public static string MainBicepParam => Path.Combine(InfraDirectory, "main.bicepparam");

    public static string AccountsBicep => Path.Combine(InfraDirectory, "modules", "accounts.bicep");

    public static string LocalSettingsSample => Path.Combine(Root, "local.settings.sample.json");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RoezanGhl.Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No RoezanGhl.Functions.sln above {AppContext.BaseDirectory}.");
    }
}
