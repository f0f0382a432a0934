namespace RoezanGhl.Cli.Tests;

/// <summary>What one CLI invocation returned and wrote.</summary>
internal sealed record CliResult(int Exit, string Output, string Error)
{
    /// <summary>The error output's lines (a failure is one line).</summary>
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {Exit}\n--- out\n{Output}\n--- err\n{Error}";
}
