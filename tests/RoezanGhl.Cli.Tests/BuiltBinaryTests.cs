using System.Diagnostics;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Cli.Tests;

[IntegrationLane]
public class BuiltBinaryTests
{
    [Fact]
    public async Task The_built_roezan_ghl_binary_prints_its_help_and_exits_zero()
    {
        // The apphost sits next to the CLI assembly that the build copied here; run the dll through dotnet so the test needs no execute bit.
        var assembly = typeof(CliApp).Assembly.Location;
        Assert.Equal("roezan-ghl.dll", Path.GetFileName(assembly));
        var start = new ProcessStartInfo("dotnet", [assembly, "--help"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };

        using var process = ChildProcess.Start(start);
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("roezan-ghl [command] [options]", output, StringComparison.Ordinal);
        Assert.Contains("reconcile", output, StringComparison.Ordinal);
    }
}
