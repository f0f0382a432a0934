using System.Globalization;
using System.Text;

namespace RoezanGhl.Storage.Reconciliation;

/// <summary>What one reconciliation run did for one GHL location: logged and written to the ledger.</summary>
public sealed record ReconcileRunSummary
{
    public required string LocationId { get; init; }

    public required string RunId { get; init; }

    public bool DryRun { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public TimeSpan Duration { get; init; }

    public ReconcileRunOutcome Outcome { get; init; }

    /// <summary>Why the run stopped or failed; null when it completed.</summary>
    public string? Reason { get; init; }

    public int TokensRefreshed { get; init; }

    /// <summary>Events put back on the queue from the poison queue (or that would be, in a dry run).</summary>
    public int ReDriven { get; init; }

    /// <summary>Events recorded as failed since the previous run and not re-driven: left for a person.</summary>
    public int PermanentFailures { get; init; }

    /// <summary>Poison messages that are not readable events, left in the poison queue.</summary>
    public int Unreadable { get; init; }

    /// <summary>Inbound messages the webhook missed, found in Roezan and fed through the ledger and queue.</summary>
    public int MessagesFed { get; init; }

    public int ContactsChecked { get; init; }

    /// <summary>Drifted contacts written back to their last Roezan state.</summary>
    public int Repaired { get; init; }

    /// <summary>Drifted contacts only reported (Sync:DriftMode Report, a dry run, or a contact another event was changing).</summary>
    public int Reported { get; init; }

    /// <summary>Changes made in GHL that no webhook delivered, found by the contacts search and fed to Roezan (drift GHL → Roezan).</summary>
    public int GhlChangesFed { get; init; }

    /// <summary>Linked contacts found deleted in GHL.</summary>
    public int Deleted { get; init; }

    /// <summary>Deleted contacts created again from their last Roezan state.</summary>
    public int Recreated { get; init; }

    /// <summary>Final ledger rows deleted because they were older than Sync:RetentionDays (at most Sync:RetentionPruneBudget a run).</summary>
    public int Pruned { get; init; }

    /// <summary>State blobs (large plans) deleted with those rows.</summary>
    public int PrunedBlobs { get; init; }

    /// <summary>GHL calls the run made.</summary>
    public int CallsSpent { get; init; }

    public int RoezanCallsSpent { get; init; }

    /// <summary>One line for the CLI and the ledger.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{LocationId}: {Outcome.ToString().ToLowerInvariant()}{(DryRun ? " (dry run)" : "")}");
        if (Reason is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({Reason})");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"; re-driven {ReDriven}, repaired {Repaired}, reported {Reported}, GHL changes fed {GhlChangesFed}, deleted {Deleted}, recreated {Recreated}, messages fed {MessagesFed}, tokens refreshed {TokensRefreshed}, failures left {PermanentFailures}, contacts checked {ContactsChecked}, pruned {Pruned} ({PrunedBlobs} blobs), GHL calls {CallsSpent}, Roezan calls {RoezanCallsSpent}, {Duration.TotalSeconds:0.0} s");
        return text.ToString();
    }
}
