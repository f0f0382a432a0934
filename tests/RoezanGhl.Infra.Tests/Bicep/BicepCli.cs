using System.Diagnostics;
using System.Reflection;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Infra.Tests.Bicep;

/// <summary>
/// The Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64, pinned centrally). Its path is
/// written into this assembly at build time, so the tests use exactly the binary that CI lints with.
/// </summary>
public sealed class BicepCli
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);
    private static readonly Lazy<BicepCli> RestoredInstance = new(() => new BicepCli(ExecutablePath(RestoredPath())));

    private readonly string _path;

    private BicepCli(string path) => _path = path;

    /// <summary>The CLI restored with this test project.</summary>
    public static BicepCli Restored => RestoredInstance.Value;

    /// <summary>Runs <c>bicep</c> with the given arguments; <paramref name="environment"/> adds to the inherited environment.</summary>
    public async Task<BicepRun> RunAsync(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(_path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Bicep would otherwise check for a newer version and send telemetry.
        startInfo.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = ChildProcess.Start(startInfo);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RunTimeout);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return new BicepRun(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    private static string RestoredPath()
    {
        var path = typeof(BicepCli).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepCliPath")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The Bicep CLI is not at '{path}'. Restore tests/RoezanGhl.Infra.Tests (it references Azure.Bicep.CommandLine.linux-x64).");
        }

        return path;
    }

    // NuGet extraction may drop the execute bit; then run a private executable copy instead.
    private static string ExecutablePath(string path)
    {
        if (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0)
        {
            return path;
        }

        var copy = Path.Combine(Path.GetTempPath(), $"roezanghl-bicep-{Environment.ProcessId}", "bicep");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(path, copy, overwrite: true);
        File.SetUnixFileMode(copy, File.GetUnixFileMode(copy) | UnixFileMode.UserExecute);
        return copy;
    }
}
