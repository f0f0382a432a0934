using System.CommandLine;
using Microsoft.Extensions.Options;
using RoezanGhl.Cli.Output;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using RoezanGhl.Storage.Links;
using Spectre.Console;

namespace RoezanGhl.Cli.Commands;

/// <summary>
/// <c>plan &lt;event.json&gt; --account &lt;id&gt; [--offline]</c>: the GHL calls an event would cause, from the sync
/// planner, without calling GHL. The event is read, validated and normalized as the webhook does (no signature);
/// the links it is planned against come from storage when it answers within a few seconds, and otherwise (or
/// with <c>--offline</c>) none are assumed, which the output says.
/// </summary>
internal static class PlanCommand
{
    private static readonly TimeSpan StorageWait = TimeSpan.FromSeconds(5);

    public static Command Create(CliContext context, GlobalOptions global)
    {
        var file = new Argument<FileInfo>("event.json") { Description = "The event: one JSON object in the webhook contract." };
        var account = new Option<string>("--account") { Description = "The Roezan account id the event is for.", Required = true };
        var offline = new Option<bool>("--offline") { Description = "Do not read the links from storage: plan as if no contact were linked yet." };
        var command = new Command("plan", "Print the GHL calls an event would cause, without calling GHL.") { file, account, offline };
        CommandActions.Set(command, context, global, (invocation, cancellationToken) =>
            RunAsync(invocation, invocation.Value(file), invocation.Value(account), invocation.Value(offline), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandInvocation invocation, FileInfo file, string accountId, bool offline, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CliException($"the event file '{file.FullName}' does not exist", CommandActions.Usage);
        }

        var services = invocation.Services;
        var (configured, account) = services.Get<IOptions<RoezanOptions>>().Value.Accounts
            .FirstOrDefault(pair => string.Equals(pair.Key, accountId, StringComparison.OrdinalIgnoreCase));
        if (configured is null || account is null)
        {
            throw new CliException($"account '{accountId}' is not configured (Roezan:Accounts:{accountId}:GhlLocationId)");
        }

        var body = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        var evt = Read(body, configured, account.DefaultPhoneRegion);
        var queued = new QueuedRoezanEvent { AccountId = configured, AcceptedAt = services.Get<TimeProvider>().GetUtcNow(), Event = evt };

        var (snapshot, source) = offline
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

        var table = new Table().AddColumns("#", "GHL call", "Why");
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            table.AddRow((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), CliConsole.Cell(plan.Steps[i].Describe()), CliConsole.Cell(plan.Steps[i].Reason));
        }

        invocation.Console.Write(table);
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
}
