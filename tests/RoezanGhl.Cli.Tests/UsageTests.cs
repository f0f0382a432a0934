namespace RoezanGhl.Cli.Tests;

public class UsageTests
{
    private static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var folder = Directory.CreateTempSubdirectory("roezan-ghl-usage-").FullName;
        try
        {
            var exit = await CliApp.InvokeAsync(args, output, error, new CliContext { WorkingDirectory = folder, Environment = new Dictionary<string, string?>(), Interactive = false });
            return new CliResult(exit, output.ToString(), error.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_root_help_lists_every_command()
    {
        var result = await RunAsync("--help");

        Assert.Equal(0, result.Exit);
        foreach (var command in new[] { "check", "send", "plan", "replay", "reconcile", "events" })
        {
            Assert.Contains($"  {command}", result.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("check", "--location")]
    [InlineData("send", "--account")]
    [InlineData("plan", "--offline")]
    [InlineData("plan", "--show-personal-data")]
    [InlineData("replay", "--since")]
    [InlineData("reconcile", "--dry-run")]
    [InlineData("events", "--status")]
    public async Task Every_command_has_help_naming_its_options(string command, string option)
    {
        var result = await RunAsync(command, "--help");

        Assert.Equal(0, result.Exit);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        Assert.Matches($@"Usage:\s+\S+ {command} ", result.Output);
        Assert.Contains(option, result.Output, StringComparison.Ordinal);
        Assert.Contains("--settings", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "reconcile" }, "--location")]
    [InlineData(new[] { "check" }, "--location")]
    [InlineData(new[] { "send" }, "send")]
    [InlineData(new[] { "events", "--status", "Sideways" }, "Sideways")]
    [InlineData(new[] { "nonsense" }, "nonsense")]
    public async Task A_usage_error_is_one_line_and_exit_code_2(string[] args, string named)
    {
        var result = await RunAsync(args);

        Assert.Equal(2, result.Exit);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Without_any_settings_a_command_fails_in_one_line_naming_the_missing_setting()
    {
        var result = await RunAsync("events");

        Assert.Equal(1, result.Exit);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: invalid settings: ", line, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_since_that_is_neither_a_time_nor_a_span_is_a_usage_error()
    {
        var result = await RunAsync("events", "--since", "yesterdayish");

        Assert.Equal(2, result.Exit);
        Assert.Contains("--since 'yesterdayish'", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
