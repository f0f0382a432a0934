using RoezanGhl.Infra.Tests.Arm;
using RoezanGhl.Infra.Tests.Bicep;

namespace RoezanGhl.Infra.Tests;

/// <summary>infra/main.bicep compiled once (into a temporary folder) with the restored Bicep CLI.</summary>
public sealed class CompiledMainTemplate : IAsyncLifetime
{
    private readonly string _outputDirectory = Path.Combine(Path.GetTempPath(), $"roezanghl-infra-{Guid.NewGuid():N}");

    public BicepRun Build { get; private set; } = new(-1, string.Empty, string.Empty);

    public ArmTemplate Template { get; private set; } = new([]);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_outputDirectory);
        var output = Path.Combine(_outputDirectory, "main.json");
        Build = await BicepCli.Restored.RunAsync(["build", RepositoryLayout.MainBicep, "--outfile", output], null, CancellationToken.None);
        if (Build.ExitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException($"bicep build infra/main.bicep failed: {Build}");
        }

        Template = ArmTemplate.Parse(await File.ReadAllTextAsync(output));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_outputDirectory, recursive: true);
        return Task.CompletedTask;
    }
}
