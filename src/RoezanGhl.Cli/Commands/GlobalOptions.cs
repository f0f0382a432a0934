using System.CommandLine;

namespace RoezanGhl.Cli.Commands;

/// <summary>The options every command takes.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Settings { get; } = new("--settings")
    {
        Description = "The local.settings.json to read (default: the nearest one from here, or src/RoezanGhl.Functions/). Environment variables override it.",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Write the app's logs to standard error.",
        Recursive = true,
    };
}
