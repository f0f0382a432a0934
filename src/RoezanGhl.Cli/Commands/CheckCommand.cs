using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using RoezanGhl.Cli.Output;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Models;
using Spectre.Console;

namespace RoezanGhl.Cli.Commands;

/// <summary>
/// <c>check --location &lt;id&gt;</c>: the go-live checklist against one GHL location, with the app's token and
/// client. Reads a contact, creates a test contact, adds a tag, creates a task and a note, then deletes what it
/// created (the contact last: its notes go with it). A pass/fail table; exit 1 when any step failed.
/// </summary>
internal static class CheckCommand
{
    private const string TestTag = "roezan-ghl-check";

    public static Command Create(CliContext context, GlobalOptions global)
    {
        var location = new Option<string>("--location") { Description = "The GHL location (sub-account) id to check.", Required = true };
        var command = new Command("check", "Go-live checklist: read a contact, create a test contact, tag it, give it a task and a note, then delete what it made.") { location };
        CommandActions.Set(command, context, global, (invocation, cancellationToken) => RunAsync(invocation, invocation.Value(location), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandInvocation invocation, string locationId, CancellationToken cancellationToken)
    {
        var ghl = invocation.Services.Get<GhlContactsClient>();
        var time = invocation.Services.Get<TimeProvider>();
        var steps = new List<CheckStep>();
        string? contactId = null;
        string? taskId = null;
        var marker = Guid.NewGuid().ToString("N")[..8];

        async Task<bool> StepAsync(string name, Func<Task<string>> work)
        {
            var watch = Stopwatch.StartNew();
            CheckStep step;
            try
            {
                step = new CheckStep(name, true, await work().ConfigureAwait(false), watch.Elapsed);
            }
            catch (Exception exception) when (exception is not OperationCanceledException && CommandActions.Describe(exception) is { } problem)
            {
                step = new CheckStep(name, false, problem, watch.Elapsed);
            }

            steps.Add(step);
            invocation.Console.MarkupLine($"{(step.Passed ? "[green]pass[/]" : "[red]FAIL[/]")}  {CliConsole.Cell(step.Name)}");
            return step.Passed;
        }

        void Skip(string name, string why)
        {
            steps.Add(new CheckStep(name, false, why, TimeSpan.Zero));
            invocation.Console.MarkupLine($"[red]FAIL[/]  {CliConsole.Cell(name)}");
        }

        invocation.Console.MarkupLine($"Checking GHL location [bold]{CliConsole.Cell(locationId)}[/]");
        await StepAsync("read a contact", async () =>
        {
            var page = await ghl.GetContactsPageAsync(locationId, new GhlContactListQuery { Limit = 1 }, cancellationToken).ConfigureAwait(false);
            if (page.Contacts.Count == 0)
            {
                return "the location has no contacts yet; listing works";
            }

            var contact = await ghl.GetContactAsync(locationId, page.Contacts[0].Id, cancellationToken).ConfigureAwait(false);
            return $"read contact {contact.Id}";
        }).ConfigureAwait(false);

        var created = await StepAsync("create a test contact", async () =>
        {
            var contact = await ghl.CreateContactAsync(locationId, new GhlCreateContactRequest
            {
                LocationId = locationId,
                FirstName = "RoezanGhl",
                LastName = "Go-live check " + marker,
                Email = $"roezan-ghl-check-{marker}@example.com",
                Source = "roezan-ghl check",
            }, cancellationToken).ConfigureAwait(false);
            contactId = contact.Id;
            return $"created contact {contact.Id}";
        }).ConfigureAwait(false);

        if (created)
        {
            await StepAsync("add a tag", async () =>
            {
                var tags = await ghl.AddTagsAsync(locationId, contactId!, [TestTag], cancellationToken).ConfigureAwait(false);
                return tags.Contains(TestTag, StringComparer.OrdinalIgnoreCase) || tags.Count == 0 ? $"tagged {TestTag}" : throw new CliException($"GHL answered without the tag {TestTag}");
            }).ConfigureAwait(false);
            await StepAsync("create a task", async () =>
            {
                var task = await ghl.CreateTaskAsync(locationId, contactId!, new GhlCreateTaskRequest
                {
                    Title = "RoezanGhl go-live check",
                    Body = "Made by roezan-ghl check; deleted at once.",
                    DueDate = time.GetUtcNow().AddDays(1),
                    Completed = false,
                }, cancellationToken).ConfigureAwait(false);
                taskId = task.Id;
                return $"created task {task.Id}";
            }).ConfigureAwait(false);
            await StepAsync("create a note", async () =>
            {
                var note = await ghl.CreateNoteAsync(locationId, contactId!, new GhlCreateNoteRequest { Body = "Made by roezan-ghl check; deleted with its contact." }, cancellationToken).ConfigureAwait(false);
                return $"created note {note.Id}";
            }).ConfigureAwait(false);
        }
        else
        {
            foreach (var name in new[] { "add a tag", "create a task", "create a note" })
            {
                Skip(name, "skipped: no test contact");
            }
        }

        // Clean up whatever was made, even after a failure.
        await StepAsync("delete what it created", async () =>
        {
            if (contactId is null)
            {
                return "nothing was created";
            }

            if (taskId is not null)
            {
                await ghl.DeleteTaskAsync(locationId, contactId, taskId, CancellationToken.None).ConfigureAwait(false);
            }

            await ghl.DeleteContactAsync(locationId, contactId, CancellationToken.None).ConfigureAwait(false);
            return taskId is null ? $"deleted contact {contactId}" : $"deleted task {taskId} and contact {contactId} (with its note)";
        }).ConfigureAwait(false);

        var table = new Table().AddColumns("Step", "Result", "Detail", "ms");
        foreach (var step in steps)
        {
            table.AddRow(CliConsole.Cell(step.Name), step.Passed ? "[green]pass[/]" : "[red]FAIL[/]", CliConsole.Cell(step.Detail), ((int)step.Elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        }

        invocation.Console.Write(table);
        var failed = steps.Count(step => !step.Passed);
        if (failed == 0)
        {
            invocation.Console.MarkupLine($"[green]All {steps.Count} checks passed[/] for GHL location {CliConsole.Cell(locationId)}.");
            return 0;
        }

        await invocation.Error.WriteLineAsync($"error: {failed} of {steps.Count} checks failed for GHL location {locationId}").ConfigureAwait(false);
        return CommandActions.Failed;
    }

    private sealed record CheckStep(string Name, bool Passed, string Detail, TimeSpan Elapsed);
}
