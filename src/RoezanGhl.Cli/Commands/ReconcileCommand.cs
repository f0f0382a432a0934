using System.CommandLine;
using System.Globalization;
using RoezanGhl.Cli.Output;
using RoezanGhl.Engine.Reconciliation;
using RoezanGhl.Storage.Reconciliation;
using Spectre.Console;

namespace RoezanGhl.Cli.Commands;

/// <summary>
/// <c>reconcile --location &lt;id&gt; [--dry-run]</c>: one reconciliation run of a location now, as the timer runs it
/// (same lease, budget and steps), printing each step as it starts and the run summary. Exit 1 when the run
/// failed or another run held the location.
/// </summary>
internal static class ReconcileCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var location = new Option<string>("--location") { Description = "The GHL location id to reconcile.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only report: no GHL write, no re-drive, no message fed, no cursor moved." };
        var command = new Command("reconcile", "Run one reconciliation of a location now: tokens, re-drive, missed messages, drift.") { location, dryRun };
        CommandActions.Set(command, context, global, (invocation, cancellationToken) =>
            RunAsync(invocation, invocation.Value(location), invocation.Value(dryRun), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandInvocation invocation, string locationId, bool dryRun, CancellationToken cancellationToken)
    {
        var reconciler = invocation.Services.Get<Reconciler>();
        if (!reconciler.Locations().Contains(locationId, StringComparer.Ordinal))
        {
            throw new CliException($"no Roezan account is configured for GHL location '{locationId}' (known: {string.Join(", ", reconciler.Locations())})");
        }

        invocation.Console.MarkupLine($"Reconciling GHL location [bold]{CliConsole.Cell(locationId)}[/]{(dryRun ? " (dry run: nothing is changed)" : "")}");
        var summary = await CliConsole.WithStatusAsync(invocation.Console, invocation.Interactive, "starting", status =>
            reconciler.ReconcileLocationAsync(locationId, dryRun, new InlineProgress<string>(step =>
            {
                status(step);
                invocation.Console.MarkupLine($"  … {CliConsole.Cell(step)}");
            }), cancellationToken)).ConfigureAwait(false);

        var table = new Table().AddColumns("", "").HideHeaders();
        void Row(string name, object? value) => table.AddRow(CliConsole.Cell(name), CliConsole.Cell(Convert.ToString(value, CultureInfo.InvariantCulture)));
        Row("outcome", summary.Outcome.ToString().ToLowerInvariant() + (summary.Reason is null ? "" : $" ({summary.Reason})"));
        Row(dryRun ? "would re-drive" : "re-driven", summary.ReDriven);
        Row("failures left for a person", summary.PermanentFailures);
        Row(dryRun ? "missed messages found" : "missed messages fed", summary.MessagesFed);
        Row(dryRun ? "tokens due" : "tokens refreshed", summary.TokensRefreshed);
        Row("contacts checked", summary.ContactsChecked);
        Row("repaired", summary.Repaired);
        Row("reported", summary.Reported);
        Row(dryRun ? "GHL changes found" : "GHL changes fed", summary.GhlChangesFed);
        Row("deleted in GHL", summary.Deleted);
        Row("recreated", summary.Recreated);
        Row("ledger rows pruned (blobs)", $"{summary.Pruned} ({summary.PrunedBlobs})");
        Row("GHL calls spent", summary.CallsSpent);
        Row("Roezan calls spent", summary.RoezanCallsSpent);
        Row("duration", $"{summary.Duration.TotalSeconds:0.0} s");
        invocation.Console.Write(table);

        return summary.Outcome switch
        {
            ReconcileRunOutcome.LeaseHeld => throw new CliException($"another reconciliation of GHL location '{locationId}' is running; try again when it ends"),
            ReconcileRunOutcome.Failed => throw new CliException($"the run failed: {summary.Reason}"),
            _ => 0,
        };
    }
}
