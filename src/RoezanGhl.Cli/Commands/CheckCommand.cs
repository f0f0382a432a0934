using System.CommandLine;
using System.Globalization;
using RoezanGhl.Cli.Output;
using RoezanGhl.Engine.Conversations;
using RoezanGhl.Engine.Operations;
using Spectre.Console;

namespace RoezanGhl.Cli.Commands;

/// <summary>
/// <c>check --location &lt;id&gt;</c>: the go-live checklist (<see cref="GoLiveCheck"/>, which the console's check
/// button runs too) against one GHL location, each step printed as it finishes, then a pass/fail table with a failed row
/// for each account of the location that asks for the GHL conversation with a Private Integration token
/// (<see cref="ConversationInstallCheck"/>); exit 1 when any step failed.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var location = new Option<string>("--location") { Description = "The GHL location (sub-account) id to check.", Required = true };
        var command = new Command("check", "Go-live checklist: read a contact, create a test contact, tag it, give it a task and a note, then delete what it made.") { location };
        CommandActions.Set(command, context, global, (invocation, cancellationToken) => RunAsync(invocation, invocation.Value(location), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandInvocation invocation, string locationId, CancellationToken cancellationToken)
    {
        var check = invocation.Services.Get<GoLiveCheck>();
        invocation.Console.MarkupLine($"Checking GHL location [bold]{CliConsole.Cell(locationId)}[/]");
        var progress = new InlineProgress<GoLiveCheckStep>(step =>
            invocation.Console.MarkupLine($"{(step.Passed ? "[green]pass[/]" : "[red]FAIL[/]")}  {CliConsole.Cell(step.Name)}"));
        var steps = await check.RunAsync(locationId, progress, cancellationToken).ConfigureAwait(false);

        var table = new Table().AddColumns("Step", "Result", "Detail", "ms");
        foreach (var step in steps)
        {
            table.AddRow(CliConsole.Cell(step.Name), step.Passed ? "[green]pass[/]" : "[red]FAIL[/]", CliConsole.Cell(step.Detail), ((int)step.Elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        }

        var conversationProblems = await invocation.Services.Get<ConversationInstallCheck>().ProblemsAsync(locationId, cancellationToken).ConfigureAwait(false);
        foreach (var problem in conversationProblems)
        {
            table.AddRow("conversation provider install", "[red]FAIL[/]", CliConsole.Cell(problem), "0");
        }

        invocation.Console.Write(table);
        var failed = steps.Count(step => !step.Passed) + conversationProblems.Count;
        if (failed == 0)
        {
            invocation.Console.MarkupLine($"[green]All {steps.Count} checks passed[/] for GHL location {CliConsole.Cell(locationId)}.");
            return 0;
        }

        await invocation.Error.WriteLineAsync($"error: {failed} of {steps.Count + conversationProblems.Count} checks failed for GHL location {locationId}").ConfigureAwait(false);
        return CommandActions.Failed;
    }
}
