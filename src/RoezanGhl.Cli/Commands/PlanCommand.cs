using System.CommandLine;
using RoezanGhl.Cli.Output;
using RoezanGhl.Engine.Automations;
using RoezanGhl.Engine.Operations;
using Spectre.Console;

namespace RoezanGhl.Cli.Commands;

/// <summary>
/// <c>plan &lt;event.json&gt; [--account &lt;id&gt;] [--offline] [--show-personal-data]</c>: the GHL calls an event would
/// cause (<see cref="EventPlanPreviewer"/>, which the console's preview calls too), each with the request body GHL
/// would receive, without calling GHL. Personal values in the bodies are masked unless <c>--show-personal-data</c>
/// asks for them: plan output gets pasted into tickets.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var file = new Argument<FileInfo>("event.json") { Description = "The event: one JSON object in the webhook contract." };
        var account = AccountOption.Create("The Roezan account id the event is for.");
        var offline = new Option<bool>("--offline") { Description = "Do not read the links from storage: plan as if no contact were linked yet." };
        var showPersonalData = new Option<bool>("--show-personal-data") { Description = "Show names, phone numbers, emails and texts in the request bodies in full (masked by default)." };
        var ghl = new Option<bool>("--ghl") { Description = "The file is a GHL webhook body: print the SMS automations' texts it would plan (rendered text, encoding, segments, when)." };
        var tagsBefore = new Option<string[]>("--tags-before") { Description = "With --ghl: the contact's tags before a ContactTagUpdate (none given: no tag counts as added).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("plan", "Print the GHL calls an event would cause, with their request bodies, without calling GHL.") { file, account, offline, showPersonalData, ghl, tagsBefore };
        CommandActions.Set(command, context, global, (invocation, cancellationToken) => invocation.Value(ghl)
            ? PlanTextsAsync(invocation, invocation.Value(file), invocation.Value(account), invocation.Value(tagsBefore), invocation.Value(showPersonalData), cancellationToken)
            : RunAsync(invocation, invocation.Value(file), invocation.Value(account), new PlanPreviewRequest { Offline = invocation.Value(offline), ShowPersonalData = invocation.Value(showPersonalData) }, cancellationToken));
        return command;
    }

    private static async Task<int> PlanTextsAsync(CommandInvocation invocation, FileInfo file, string? accountId, string[]? tagsBefore, bool showPersonalData, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CliException($"the event file '{file.FullName}' does not exist", CommandActions.Usage);
        }

        var (configured, _) = AccountOption.Resolve(invocation, accountId);
        var body = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        var preview = invocation.Services.Get<SmsPlanPreviewer>().Preview(configured, body, tagsBefore is { Length: > 0 } ? tagsBefore : null, showPersonalData);

        // Written as plain text: a text may hold brackets, which are console markup.
        await invocation.Out.WriteLineAsync(preview).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> RunAsync(CommandInvocation invocation, FileInfo file, string? accountId, PlanPreviewRequest request, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CliException($"the event file '{file.FullName}' does not exist", CommandActions.Usage);
        }

        var (configured, _) = AccountOption.Resolve(invocation, accountId);
        var body = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        var preview = await invocation.Services.Get<EventPlanPreviewer>().PreviewAsync(configured, body, request, cancellationToken).ConfigureAwait(false);
        var plan = preview.Plan;

        invocation.Console.MarkupLine($"Event [bold]{CliConsole.Cell(plan.EventId)}[/] ({CliConsole.Cell(plan.EventType)}) for account {CliConsole.Cell(configured)} → GHL location {CliConsole.Cell(preview.LocationId)}");
        invocation.Console.MarkupLine(CliConsole.Cell(request.Offline ? preview.LinksSource.Replace("(offline)", "(--offline)", StringComparison.Ordinal) : preview.LinksSource));
        invocation.Console.MarkupLine($"Disposition: [bold]{plan.Disposition.ToString().ToLowerInvariant()}[/] - {CliConsole.Cell(plan.Reason)}");
        if (plan.Steps.Count == 0)
        {
            invocation.Console.MarkupLine("No GHL calls.");
            return 0;
        }

        invocation.Console.MarkupLine(request.ShowPersonalData
            ? "GHL calls, with the request bodies in full:"
            : "GHL calls, with the request bodies (personal data masked: first character only; --show-personal-data shows it):");

        // Written as plain text: JSON brackets are not console markup.
        await invocation.Out.WriteLineAsync(preview.StepsWithBodies).ConfigureAwait(false);
        return 0;
    }
}
