using System.CommandLine;
using System.Globalization;
using RoezanGhl.Cli.Output;
using RoezanGhl.Storage.Ledger;
using Spectre.Console;

namespace RoezanGhl.Cli.Commands;

/// <summary><c>events [--status] [--contact] [--since] [--account] [--take]</c>: the ledger's history, newest change first.</summary>
internal static class EventsCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var status = new Option<EventLedgerStatus?>("--status") { Description = "Only events in this status (Queued, Processing, Applied, Skipped, Failed, Conflict, Waiting, Received)." };
        var contact = new Option<string?>("--contact") { Description = "Only events about this contact (Roezan or GHL contact id)." };
        var since = new Option<string?>("--since") { Description = "Only events changed since then: a time (2026-11-24T10:00:00Z) or a span back from now (30m, 2h, 7d)." };
        var account = new Option<string?>("--account") { Description = "Only events of this Roezan account." };
        var take = new Option<int>("--take") { Description = "At most this many rows (default 50).", DefaultValueFactory = _ => 50 };
        var command = new Command("events", "The event ledger's history: what happened to each event, newest first.") { status, contact, since, account, take };
        CommandActions.Set(command, context, global, (invocation, cancellationToken) => RunAsync(
            invocation,
            invocation.ParseResult.GetValue(status),
            invocation.Value(contact),
            invocation.Value(since),
            invocation.Value(account),
            invocation.Value(take),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandInvocation invocation, EventLedgerStatus? status, string? contact, string? sinceText, string? account, int take, CancellationToken cancellationToken)
    {
        if (take < 1)
        {
            throw new CliException("--take must be at least 1", CommandActions.Usage);
        }

        // Read before the services are built, so that a bad --since is a usage error whatever the settings.
        var since = sinceText is null ? (DateTimeOffset?)null : TimeArgument.ParseSince(sinceText, DateTimeOffset.UtcNow);
        var services = invocation.Services;
        var entries = await services.Get<EventLedger>().QueryAsync(new EventLedgerQuery { AccountId = account, Status = status, ContactId = contact, Since = since, Take = take }, cancellationToken).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            invocation.Console.MarkupLine("No events match.");
            return 0;
        }

        var table = new Table().AddColumns("Updated", "Account", "Event", "Type", "Status", "Tries", "Contact", "GHL contact", "What happened");
        foreach (var entry in entries)
        {
            table.AddRow(
                TimeArgument.Format(entry.UpdatedAt ?? entry.AcceptedAt),
                CliConsole.Cell(entry.AccountId),
                CliConsole.Cell(entry.EventId),
                CliConsole.Cell(entry.Type),
                entry.Status.ToString(),
                entry.Attempts.ToString(CultureInfo.InvariantCulture),
                CliConsole.Cell(entry.SourceContactId),
                CliConsole.Cell(entry.TargetContactId),
                CliConsole.Cell(Happened(entry)));
        }

        invocation.Console.Write(table);
        invocation.Console.MarkupLine($"{entries.Count} event(s){(entries.Count == take ? $" (the newest {take}; --take for more)" : "")}.");
        return 0;
    }

    private static string? Happened(EventLedgerEntry entry) =>
        entry.Status is EventLedgerStatus.Applied ? entry.Outcome : entry.LastError ?? entry.Outcome;
}
