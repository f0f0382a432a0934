using RoezanGhl.Core.Accounts;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>One location's run while it works: its accounts, budgets and counts. The steps run one after another.</summary>
internal sealed class ReconcileRun
{
    public required string LocationId { get; init; }

    /// <summary>The Roezan accounts whose events go to this location.</summary>
    public required IReadOnlyList<KeyValuePair<string, RoezanAccountOptions>> Accounts { get; init; }

    public required string RunId { get; init; }

    public bool DryRun { get; init; }

    public required ReconcileCallBudget Ghl { get; init; }

    public required ReconcileCallBudget Roezan { get; init; }

    /// <summary>When the previous run of this location started: failures since then are counted.</summary>
    public DateTimeOffset? PreviousRunAt { get; init; }

    /// <summary>The owner name of the leases the run takes on contacts (the processor's lease store).</summary>
    public string Owner => "reconcile:" + RunId;

    /// <summary>Why steps stopped early (budget, reserve, rate limit): the run then ends as Stopped. Null when none did.</summary>
    public string? StopReason => _stops.Count == 0 ? null : string.Join("; ", _stops);

    private readonly List<string> _stops = [];

    /// <summary>Contacts this run's sweep saw (a dry run saves no marks, so the deletion check also asks this).</summary>
    public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

    /// <summary>GHL contacts the catch-up of GHL changes found changed in this run (the drift repair leaves them alone).</summary>
    public HashSet<string> ChangedInGhl { get; } = new(StringComparer.Ordinal);

    /// <summary>GHL changes no webhook had delivered, fed to Roezan (drift GHL → Roezan).</summary>
    public int GhlChangesFed { get; set; }

    /// <summary>Contacts the catch-up found changed in GHL whose state Roezan already has (their webhook came).</summary>
    public int GhlContactsInStep { get; set; }

    public int TokensRefreshed { get; set; }

    public int ReDriven { get; set; }

    public int PermanentFailures { get; set; }

    public int Unreadable { get; set; }

    public int MessagesFed { get; set; }

    public int ContactsChecked { get; set; }

    public int Repaired { get; set; }

    public int Reported { get; set; }

    public int Deleted { get; set; }

    public int Recreated { get; set; }

    /// <summary>Final ledger rows deleted after the retention, and their state blobs.</summary>
    public int Pruned { get; set; }

    public int PrunedBlobs { get; set; }

    public void Stop(string reason)
    {
        if (!_stops.Contains(reason))
        {
            _stops.Add(reason);
        }
    }
}
