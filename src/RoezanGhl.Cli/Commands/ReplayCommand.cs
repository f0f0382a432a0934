using System.CommandLine;
using RoezanGhl.Cli.Output;
using RoezanGhl.Engine.Reconciliation;
using RoezanGhl.Storage.Queueing;
using Spectre.Console;

namespace RoezanGhl.Cli.Commands;

/// <summary>
/// <c>replay [--id] [--since] [--dry-run]</c>: moves poison-queue messages back onto the events queue (all, one
/// by event or message id, or those poisoned since a time), reopening their ledger entries, and prints each one as
/// it moves. The messages are written through the app's queue client, in the encoding the queue trigger reads.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var id = new Option<string?>("--id") { Description = "Only the message with this event id (or queue message id)." };
        var since = new Option<string?>("--since") { Description = "Only messages poisoned since then: a time (2026-11-24T10:00:00Z) or a span back from now (30m, 2h, 7d)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would move; move nothing." };
        var command = new Command("replay", "Move poison-queue messages back onto the events queue, printing what moved.") { id, since, dryRun };
        CommandActions.Set(command, context, global, (invocation, cancellationToken) =>
            RunAsync(invocation, invocation.Value(id), invocation.Value(since), invocation.Value(dryRun), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandInvocation invocation, string? id, string? sinceText, bool dryRun, CancellationToken cancellationToken)
    {
        var since = sinceText is null ? (DateTimeOffset?)null : TimeArgument.ParseSince(sinceText, DateTimeOffset.UtcNow);
        var services = invocation.Services;
        var replayer = services.Get<PoisonReplayer>();
        var queue = services.Get<RoezanEventQueueClient>().QueueName;
        invocation.Console.MarkupLine($"{(dryRun ? "Would move" : "Moving")} messages from [bold]{CliConsole.Cell(replayer.PoisonQueueName)}[/] to [bold]{CliConsole.Cell(queue)}[/]{(id is null ? "" : $", id {CliConsole.Cell(id)}")}{(since is null ? "" : $", poisoned since {TimeArgument.Format(since)}")}");

        var progress = new InlineProgress<PoisonReplayItem>(item =>
            invocation.Console.MarkupLine($"{Label(item.Action)}  {CliConsole.Cell(item.EventId ?? item.MessageId)} {CliConsole.Cell(item.EventType)} {CliConsole.Cell(item.AccountId)}"));
        var items = await replayer.ReplayAsync(new PoisonReplayFilter { Id = id, Since = since, Actor = "cli" }, dryRun, progress, cancellationToken).ConfigureAwait(false);

        if (items.Count == 0)
        {
            invocation.Console.MarkupLine("Nothing to move: the poison queue holds no matching message.");
            return id is null ? 0 : Fail(invocation, $"no poison message has the id '{id}'");
        }

        var table = new Table().AddColumns("Message", "Event", "Type", "Account", "Poisoned at", "Action", "Last error");
        foreach (var item in items)
        {
            table.AddRow(CliConsole.Cell(item.MessageId), CliConsole.Cell(item.EventId), CliConsole.Cell(item.EventType), CliConsole.Cell(item.AccountId), TimeArgument.Format(item.InsertedOn), Label(item.Action), CliConsole.Cell(item.Detail));
        }

        invocation.Console.Write(table);
        var moved = items.Count(item => item.Action == PoisonReplayAction.Moved);
        invocation.Console.MarkupLine(dryRun
            ? $"{items.Count(item => item.Action == PoisonReplayAction.WouldMove)} message(s) would move."
            : $"Moved {moved} message(s) to {CliConsole.Cell(queue)} (Base64, the encoding the queue trigger reads); {items.Count(item => item.Action == PoisonReplayAction.AlreadyDone)} already done, {items.Count(item => item.Action == PoisonReplayAction.Unreadable)} unreadable left in place.");
        return items.Any(item => item.Action == PoisonReplayAction.Unreadable) ? Fail(invocation, "some poison messages are not readable events and were left in place") : 0;
    }

    private static int Fail(CommandInvocation invocation, string message)
    {
        invocation.Error.WriteLine("error: " + message);
        return CommandActions.Failed;
    }

    private static string Label(PoisonReplayAction action) => action switch
    {
        PoisonReplayAction.Moved => "[green]moved[/]",
        PoisonReplayAction.WouldMove => "would move",
        PoisonReplayAction.AlreadyDone => "already done",
        PoisonReplayAction.GivenUp => "[red]given up[/]",
        _ => "[red]unreadable[/]",
    };
}
