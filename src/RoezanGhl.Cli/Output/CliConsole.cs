using Spectre.Console;

namespace RoezanGhl.Cli.Output;

/// <summary>
/// A Spectre console over the writer the invocation gives (the terminal, or a test's captured writer): colours
/// and the live spinner only when interactive, plain lines otherwise, so output stays readable in a log.
/// </summary>
internal static class CliConsole
{
    /// <summary>Width of plain output: wide enough that a table row stays one line in a log or a file.</summary>
    public const int PlainWidth = 240;

    public static IAnsiConsole Create(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = PlainWidth;
        }

        return console;
    }

    /// <summary>Runs <paramref name="work"/> under a spinner when interactive; otherwise just runs it (its own lines are the progress).</summary>
    public static async Task<T> WithStatusAsync<T>(IAnsiConsole console, bool interactive, string status, Func<Action<string>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (!interactive)
        {
            return await work(_ => { }).ConfigureAwait(false);
        }

        return await console.Status().StartAsync(status, context => work(text => context.Status(Markup.Escape(text)))).ConfigureAwait(false);
    }

    public static string Cell(string? text) => Markup.Escape(text ?? "");
}
