using System.Diagnostics;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Fuzz.Tests;

/// <summary>
/// The fuzz harness as scripts/fuzz.sh runs it, uninstrumented and without AFL: proof that it builds, that
/// every seed passes the webhook's pure path without a finding, and that it takes its input on stdin.
/// </summary>
[IntegrationLane]
public class FuzzHarnessTests
{
    private static readonly string Seeds = RepositoryRoot.Combine("tests", "RoezanGhl.Fuzz", "corpus", "seeds");

    [Fact]
    public async Task The_built_harness_runs_every_seed_once_without_a_finding()
    {
        var seedCount = Directory.EnumerateFiles(Seeds).Count();

        var run = await RunHarnessAsync(["--replay", Seeds], stdin: null);

        Assert.True(seedCount >= 40, $"only {seedCount} seeds");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"replayed {seedCount} inputs, 0 failed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_built_harness_takes_one_input_on_standard_input_as_afl_gives_it()
    {
        var seed = Directory.EnumerateFiles(Seeds, "valid-*.json").Order(StringComparer.Ordinal).First();

        var run = await RunHarnessAsync([], stdin: await File.ReadAllBytesAsync(seed));

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task An_input_that_cannot_be_run_is_named_and_fails_the_replay()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"roezanghl-no-such-seed-{Guid.NewGuid():N}.json");

        var run = await RunHarnessAsync(["--replay", missing], stdin: null);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"FAILED {missing}", run.Output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunHarnessAsync(string[] args, byte[]? stdin)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RoezanGhl.Fuzz.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var process = ChildProcess.Start(start);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(guard.Token);
            var errors = process.StandardError.ReadToEndAsync(guard.Token);
            if (stdin is not null)
            {
                await process.StandardInput.BaseStream.WriteAsync(stdin, guard.Token);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(guard.Token);
            return (process.ExitCode, await output + await errors);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
