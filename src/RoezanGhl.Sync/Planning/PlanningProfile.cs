namespace RoezanGhl.Sync.Planning;

/// <summary>
/// The planner's view of how one account is synced: which flows run, how fields map, how new contacts are
/// written and whether a follow-up rule runs on messages. <see cref="Default"/> is the <c>everything</c>
/// preset with the identity mapping. Issue 6 builds these from its <c>Mapping.AccountSyncProfile</c>
/// (flow set → <see cref="Flows"/>, <c>ContactFieldMapper</c> → <see cref="FieldMapping"/>, the follow-up
/// detector → <see cref="FollowUps"/>) in an <see cref="IPlanningProfileSource"/>.
/// </summary>
public sealed record PlanningProfile
{
    public SyncFlows Flows { get; init; } = SyncFlows.All;

    public IContactFieldMapping FieldMapping { get; init; } = IdentityContactFieldMapping.Instance;

    public ContactWriteMode ContactWrite { get; init; } = ContactWriteMode.Upsert;

    /// <summary>F5: null means no follow-up detection (the flow is then a no-op even when enabled).</summary>
    public IMessageTaskRule? FollowUps { get; init; }

    /// <summary>GHL requires a due date on a task; a Roezan task without one is due this long after the event.</summary>
    public TimeSpan DefaultTaskDue { get; init; } = TimeSpan.FromDays(1);

    /// <summary>The title of a Roezan task that has none (GHL requires a title).</summary>
    public string DefaultTaskTitle { get; init; } = "Roezan task";

    public static PlanningProfile Default { get; } = new();

    public bool Runs(SyncFlows flow) => (Flows & flow) == flow;
}
