using System.CommandLine;
using RoezanGhl.Cli.Commands;

namespace RoezanGhl.Cli;

/// <summary>
/// The operator CLI <c>roezan-ghl</c>: its root command and how it is run. Tests call <see cref="InvokeAsync"/>
/// with their own writers and <see cref="CliContext"/>; <c>Program</c> calls it with the process's.
/// </summary>
public static class CliApp
{
    public static RootCommand BuildRootCommand(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var global = new GlobalOptions();
        var root = new RootCommand("roezan-ghl: operate the Roezan SMS → GoHighLevel sync with the app's own settings (local.settings.json, environment).")
        {
            global.Settings,
            global.Verbose,
            CheckCommand.Create(context, global),
            SendCommand.Create(context, global),
            PlanCommand.Create(context, global),
            ReplayCommand.Create(context, global),
            ReconcileCommand.Create(context, global),
            EventsCommand.Create(context, global),
        };
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; a usage error is one line on <paramref name="error"/> and exit code 2.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parseResult = BuildRootCommand(context).Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            var command = parseResult.CommandResult.Command is RootCommand ? "" : parseResult.CommandResult.Command.Name + " ";
            var problems = string.Join("; ", parseResult.Errors.Select(problem => OneLine(problem.Message)).Distinct(StringComparer.Ordinal));
            await error.WriteLineAsync($"error: {problems} (see roezan-ghl {command}--help)").ConfigureAwait(false);
            return CommandActions.Usage;
        }

        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
    }

    // Some parser messages list choices on lines of their own.
    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
