namespace RoezanGhl.Core.Planning;

/// <summary>
/// How one account is synced, as the planner sees it: which flows run, how fields and tags map, whether a
/// contact update leaves a note, how new contacts are written and the follow-up rule for messages. Every
/// configured account gets its own from <c>AccountPlanningProfiles</c> (Engine) (preset + overrides,
/// field mapping, time zone); <see cref="Default"/> (all flows, identity mapping, no follow-up rule) is
/// what a unit test or an unconfigured account plans with.
/// </summary>
public sealed record PlanningProfile
{
    public SyncFlows Flows { get; init; } = SyncFlows.All;

    public IContactFieldMapping FieldMapping { get; init; } = IdentityContactFieldMapping.Instance;

    /// <summary>The direction of each two-way field (<see cref="Mapping.FieldDirections"/>); none set: every one is <c>both</c>.</summary>
    public IReadOnlyDictionary<string, string> Directions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Whether a <c>contact.updated</c> that changes something also appends a note listing what changed.</summary>
    public bool NoteOnContactUpdate { get; init; }

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
