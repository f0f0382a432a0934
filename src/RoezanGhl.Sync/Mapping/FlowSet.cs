namespace RoezanGhl.Sync.Mapping;

/// <summary>
/// Which flows run for an account: a preset (<see cref="FlowPresets"/>) with per-flow overrides
/// such as <c>Flows: { FollowUpTasks: false }</c>. Immutable; equal when the same flows are on.
/// </summary>
public sealed record FlowSet
{
    private readonly int _bits;

    private FlowSet(int bits) => _bits = bits;

    public static FlowSet None { get; } = new(0);

    public static FlowSet ContactsOnly { get; } = None.With(SyncFlow.ContactCreated, true).With(SyncFlow.ContactUpdated, true);

    public static FlowSet ContactsAndHistory { get; } = ContactsOnly
        .With(SyncFlow.ContactFromFirstMessage, true)
        .With(SyncFlow.MessageNotes, true)
        .With(SyncFlow.NoteCreated, true);

    public static FlowSet Everything { get; } = ContactsAndHistory.With(SyncFlow.FollowUpTasks, true).With(SyncFlow.TaskSync, true);

    /// <summary>The flows that are on, in <see cref="SyncFlow"/> order.</summary>
    public IReadOnlyList<SyncFlow> Enabled => Enum.GetValues<SyncFlow>().Where(IsEnabled).ToArray();

    public bool IsEnabled(SyncFlow flow) => (_bits & Bit(flow)) != 0;

    /// <summary>This set with one flow switched on or off.</summary>
    public FlowSet With(SyncFlow flow, bool enabled) => new(enabled ? _bits | Bit(flow) : _bits & ~Bit(flow));

    /// <summary>The preset's flows with the overrides applied. Throws <see cref="ArgumentException"/> naming an unknown preset or flow.</summary>
    /// <param name="preset">A name from <see cref="FlowPresets.Names"/>; null or blank means <see cref="FlowPresets.Default"/>.</param>
    /// <param name="overrides">Flow name (a <see cref="SyncFlow"/> name, case-insensitive) → on or off.</param>
    public static FlowSet Resolve(string? preset, IReadOnlyDictionary<string, bool>? overrides = null)
    {
        var problems = TryResolve(preset, overrides, out var flows);
        return problems.Count == 0 ? flows : throw new ArgumentException(string.Join(" ", problems.Select(p => p.ToString())), nameof(preset));
    }

    /// <summary>Like <see cref="Resolve"/>, but returns the problems (paths "Preset", "Flows:{name}") instead of throwing.</summary>
    public static IReadOnlyList<ConfigurationProblem> TryResolve(string? preset, IReadOnlyDictionary<string, bool>? overrides, out FlowSet flows)
    {
        var problems = new List<ConfigurationProblem>();
        var name = string.IsNullOrWhiteSpace(preset) ? FlowPresets.Default : preset.Trim();
        flows = name.ToUpperInvariant() switch
        {
            "CONTACTS-ONLY" => ContactsOnly,
            "CONTACTS-AND-HISTORY" => ContactsAndHistory,
            "EVERYTHING" => Everything,
            _ => None,
        };
        if (flows == None)
        {
            problems.Add(new ConfigurationProblem("Preset", $"'{name}' is not a preset; use one of {string.Join(", ", FlowPresets.Names)}."));
        }

        foreach (var (flowName, enabled) in overrides ?? new Dictionary<string, bool>())
        {
            var known = Enum.GetNames<SyncFlow>().FirstOrDefault(n => string.Equals(n, flowName, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                problems.Add(new ConfigurationProblem($"Flows:{flowName}", $"'{flowName}' is not a flow; use one of {string.Join(", ", Enum.GetNames<SyncFlow>())}."));
                continue;
            }

            flows = flows.With(Enum.Parse<SyncFlow>(known), enabled);
        }

        return problems;
    }

    public override string ToString() => Enabled.Count == 0 ? "(none)" : string.Join(", ", Enabled);

    private static int Bit(SyncFlow flow) => 1 << (int)flow;
}
