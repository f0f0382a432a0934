using System.CommandLine;
using RoezanGhl.Cli.Output;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Storage.Links;
using Spectre.Console;

namespace RoezanGhl.Cli.Commands;

/// <summary>
/// <c>plan &lt;event.json&gt; [--account &lt;id&gt;] [--offline] [--show-personal-data]</c>: the GHL calls an event would
/// cause, from the sync planner, each with the request body GHL would receive (<see cref="GhlPlanPayloads"/>), without
/// calling GHL. Personal values in the bodies are masked unless <c>--show-personal-data</c> asks for them: plan output
/// gets pasted into tickets. The event is read, validated and normalized as the webhook does (no signature); the
/// links it is planned against come from storage when it answers within a few seconds, and otherwise (or with
/// <c>--offline</c>) none are assumed, which the output says.
/// </summary>
internal static class PlanCommand
{
    private static readonly TimeSpan StorageWait = TimeSpan.FromSeconds(5);

    public static Command Create(CliContext context, GlobalOptions global)
    {
        var file = new Argument<FileInfo>("event.json") { Description = "The event: one JSON object in the webhook contract." };
        var account = AccountOption.Create("The Roezan account id the event is for.");
        var offline = new Option<bool>("--offline") { Description = "Do not read the links from storage: plan as if no contact were linked yet." };
        var showPersonalData = new Option<bool>("--show-personal-data") { Description = "Show names, phone numbers, emails and texts in the request bodies in full (masked by default)." };
        var command = new Command("plan", "Print the GHL calls an event would cause, with their request bodies, without calling GHL.") { file, account, offline, showPersonalData };
        CommandActions.Set(command, context, global, (invocation, cancellationToken) =>
            RunAsync(invocation, invocation.Value(file), invocation.Value(account), new PlanView(invocation.Value(offline), invocation.Value(showPersonalData)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandInvocation invocation, FileInfo file, string? accountId, PlanView view, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CliException($"the event file '{file.FullName}' does not exist", CommandActions.Usage);
        }

        var services = invocation.Services;
        var (configured, account) = AccountOption.Resolve(invocation, accountId);

        var body = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        var evt = Read(body, configured, account.DefaultPhoneRegion);
        var queued = new QueuedRoezanEvent { AccountId = configured, AcceptedAt = services.Get<TimeProvider>().GetUtcNow(), Event = evt };

        var (snapshot, source) = view.Offline
            ? (SyncSnapshot.Empty, "links: not read (--offline); planned as if no contact were linked yet")
            : await ReadLinksAsync(services.Get<ContactLinkStore>(), account.GhlLocationId, configured, evt, cancellationToken).ConfigureAwait(false);
        var profile = services.Get<IPlanningProfileSource>().GetProfile(configured);
        var plan = SyncPlanner.Plan(queued, account, profile, snapshot);

        invocation.Console.MarkupLine($"Event [bold]{CliConsole.Cell(plan.EventId)}[/] ({CliConsole.Cell(plan.EventType)}) for account {CliConsole.Cell(configured)} → GHL location {CliConsole.Cell(account.GhlLocationId)}");
        invocation.Console.MarkupLine(CliConsole.Cell(source));
        invocation.Console.MarkupLine($"Disposition: [bold]{plan.Disposition.ToString().ToLowerInvariant()}[/] - {CliConsole.Cell(plan.Reason)}");
        if (plan.Steps.Count == 0)
        {
            invocation.Console.MarkupLine("No GHL calls.");
            return 0;
        }

        invocation.Console.MarkupLine(view.ShowPersonalData
            ? "GHL calls, with the request bodies in full:"
            : "GHL calls, with the request bodies (personal data masked: first character only; --show-personal-data shows it):");

        // The payload view opens with the plan's own summary line, printed above in the CLI's words; the steps and
        // their bodies follow it. Written as plain text: JSON brackets are not console markup.
        var described = GhlPlanPayloads.Describe(plan, account.GhlLocationId, maskPersonalData: !view.ShowPersonalData);
        await invocation.Out.WriteLineAsync(described[(described.IndexOf('\n', StringComparison.Ordinal) + 1)..]).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The event as the webhook would queue it, or a one-line error naming what is wrong.</summary>
    private static RoezanEvent Read(byte[] body, string accountId, string region)
    {
        if (!RoezanEventParser.TryParse(body, out var evt, out var rejection))
        {
            throw new CliException($"the event is not usable: {rejection.Detail ?? rejection.Title}");
        }

        var errors = RoezanEventValidator.Validate(evt, accountId);
        if (errors.Count == 0)
        {
            errors = RoezanEventNormalizer.Normalize(evt, region);
        }

        return errors.Count == 0
            ? evt
            : throw new CliException("the event is not valid: " + string.Join("; ", errors.Select(error => $"{error.Field} {error.Message}")));
    }

    private static async Task<(SyncSnapshot Snapshot, string Source)> ReadLinksAsync(ContactLinkStore links, string locationId, string accountId, RoezanEvent evt, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(StorageWait);
        try
        {
            var snapshot = await links.ReadSnapshotAsync(locationId, accountId, SyncPlanner.SubjectOf(evt), wait.Token).ConfigureAwait(false);
            var known = snapshot.Contact is { } contact ? $"linked to GHL contact {contact.GhlContactId}" : "no linked contact";
            return (snapshot, $"links: read from storage ({known})");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is OperationCanceledException or Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            return (SyncSnapshot.Empty, $"links: storage unreachable ({CommandActions.Describe(exception)}); planned as if no contact were linked yet");
        }
    }

    /// <summary>How the plan is read and shown: <c>--offline</c> and <c>--show-personal-data</c>.</summary>
    private readonly record struct PlanView(bool Offline, bool ShowPersonalData);
}
