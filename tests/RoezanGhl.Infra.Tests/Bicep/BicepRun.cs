using System.Text.RegularExpressions;

namespace RoezanGhl.Infra.Tests.Bicep;

/// <summary>What one run of the Bicep CLI printed.</summary>
public sealed partial record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Compiler and linter diagnostics (<c>file(line,col) : Warning rule: message</c>) of any level.</summary>
    public IReadOnlyList<string> Diagnostics =>
        (StandardOutput + "\n" + StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => DiagnosticLine().IsMatch(line))
            .ToList();

    public override string ToString() => $"exit {ExitCode}\n{StandardOutput}\n{StandardError}";

    [GeneratedRegex(@"\(\d+,\d+\)\s*:\s*(Error|Warning|Info)\b")]
    private static partial Regex DiagnosticLine();
}
