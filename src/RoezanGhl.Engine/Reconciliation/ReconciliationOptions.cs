using System.ComponentModel.DataAnnotations;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// The reconciliation settings, in the <c>Sync</c> section next to <c>Sync:ReconcileSchedule</c>
/// (<c>Sync__ReconcileCallBudget</c>, <c>Sync__DriftMode</c>, …). Every one has a default.
/// </summary>
public sealed class ReconciliationOptions
{
    public const string SectionName = "Sync";

    /// <summary>
    /// GHL calls one run may spend per location (list pages, repairs, existence checks). Calls are made at
    /// background priority as well, so a run never eats into the GHL client's daily reserve.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Sync:ReconcileCallBudget must be between 1 and 100000.")]
    public int ReconcileCallBudget { get; set; } = 300;

    /// <summary>Repair (write the last Roezan values back) or Report (only count and log) drifted contacts.</summary>
    [EnumDataType(typeof(DriftMode), ErrorMessage = "Sync:DriftMode must be Repair or Report.")]
    public DriftMode DriftMode { get; set; } = DriftMode.Repair;

    /// <summary>
    /// Whether a linked contact deleted in GHL is created again from its last Roezan state (with
    /// <see cref="DriftMode.Repair"/>). Off by default: a deletion in GHL is often deliberate; it is reported either way.
    /// </summary>
    public bool ReconcileRecreateDeleted { get; set; }

    /// <summary>OAuth tokens that expire within this time are refreshed by the run, even when no event needs them. Longer than the schedule's interval.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "23:00:00", ErrorMessage = "Sync:ReconcileTokenLead must be between 00:01:00 and 23:00:00.")]
    public TimeSpan ReconcileTokenLead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Calls to Roezan's integration API one run may make per location while looking for missed messages.</summary>
    [Range(0, 100_000, ErrorMessage = "Sync:ReconcileRoezanCallBudget must be between 0 and 100000.")]
    public int ReconcileRoezanCallBudget { get; set; } = 200;

    /// <summary>
    /// How many times the run moves one event back from the poison queue. An event that failed after that many re-drives
    /// is recorded as Failed, notified, and left in the poison queue for a person (<c>roezan-ghl replay --id</c>).
    /// </summary>
    [Range(1, 100, ErrorMessage = "Sync:ReconcileMaxReDrives must be between 1 and 100.")]
    public int ReconcileMaxReDrives { get; set; } = 3;

    /// <summary>How far back the first poll of an account's messages looks (later polls start where the last one ended).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "Sync:ReconcileMessageLookback must be between 00:00:00 and 30.00:00:00.")]
    public TimeSpan ReconcileMessageLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Days a final ledger row (Applied, Skipped, Failed, Conflict) and its plan data are kept after its last change; the
    /// reconcile run deletes older ones. Also how long a repeated event id is still answered "duplicate".
    /// </summary>
    [Range(1, 3650, ErrorMessage = "Sync:RetentionDays must be between 1 and 3650.")]
    public int RetentionDays { get; set; } = 30;

    /// <summary>Ledger rows one run deletes at most per location, so that pruning never makes a run long; the rest waits for the next run.</summary>
    [Range(1, 100_000, ErrorMessage = "Sync:RetentionPruneBudget must be between 1 and 100000.")]
    public int RetentionPruneBudget { get; set; } = 500;

    /// <summary>
    /// Whether the run also catches GHL contact changes whose webhook never came (GHL's contacts search by
    /// <c>dateUpdated</c>) and feeds them to Roezan like the GHL door. On by default, as the door is.
    /// </summary>
    public bool ReconcileGhlChanges { get; set; } = true;

    /// <summary>How far back the first catch-up of GHL changes looks (later walks start where the last one ended).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "Sync:ReconcileGhlChangeLookback must be between 00:00:00 and 30.00:00:00.")]
    public TimeSpan ReconcileGhlChangeLookback { get; set; } = TimeSpan.FromDays(1);
}
