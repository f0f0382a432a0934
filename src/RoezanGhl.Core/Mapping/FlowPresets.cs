using RoezanGhl.Core.Planning;

namespace RoezanGhl.Core.Mapping;

/// <summary>
/// The named presets an account's <c>Preset</c> setting may name (case-insensitive), and how a preset plus
/// the account's <c>Flows</c> overrides becomes the <see cref="SyncFlows"/> the planner runs.
/// </summary>
public static class FlowPresets
{
    /// <summary>F1, F2: contacts only.</summary>
    public const string ContactsOnly = "contacts-only";

    /// <summary>F1, F2 plus F3, F4, F7: contacts and the message and note history.</summary>
    public const string ContactsAndHistory = "contacts-and-history";

    /// <summary>Every flow: adds F5 follow-up tasks and F6 task sync.</summary>
    public const string Everything = "everything";

    /// <summary>
    /// The preset of an account that names none. Every flow, because that is the product DESIGN.md
    /// describes and what accounts configured before presets existed were promised; narrowing is one line.
    /// </summary>
    public const string Default = Everything;

    private const SyncFlows ContactsOnlyFlows = SyncFlows.ContactCreated | SyncFlows.ContactUpdated;
    private const SyncFlows ContactsAndHistoryFlows = ContactsOnlyFlows | SyncFlows.ContactFromFirstMessage | SyncFlows.MessageNotes | SyncFlows.NoteCreated;

    /// <summary>Every preset name.</summary>
    public static IReadOnlyList<string> Names { get; } = [ContactsOnly, ContactsAndHistory, Everything];

    /// <summary>The flows an override may name: the single flows, not <c>None</c> or <c>All</c>.</summary>
    public static IReadOnlyList<SyncFlows> SingleFlows { get; } = Enum.GetValues<SyncFlows>().Where(flow => flow is not (SyncFlows.None or SyncFlows.All)).ToArray();

    /// <summary>The preset's flows with the overrides applied. Throws <see cref="ArgumentException"/> naming an unknown preset or flow.</summary>
    /// <param name="preset">A name from <see cref="Names"/>; null or blank means <see cref="Default"/>.</param>
    /// <param name="overrides">Flow name (a single <see cref="SyncFlows"/> member, case-insensitive) → on or off.</param>
    public static SyncFlows Resolve(string? preset, IReadOnlyDictionary<string, bool>? overrides = null)
    {
        var problems = TryResolve(preset, overrides, out var flows);
        return problems.Count == 0 ? flows : throw new ArgumentException(string.Join(" ", problems.Select(p => p.ToString())), nameof(preset));
    }

    /// <summary>Like <see cref="Resolve"/>, but returns the problems (paths "Preset", "Flows:{name}") instead of throwing.</summary>
    public static IReadOnlyList<ConfigurationProblem> TryResolve(string? preset, IReadOnlyDictionary<string, bool>? overrides, out SyncFlows flows)
    {
        var problems = new List<ConfigurationProblem>();
        var name = string.IsNullOrWhiteSpace(preset) ? Default : preset.Trim();
        SyncFlows? named = name.ToUpperInvariant() switch
        {
            "CONTACTS-ONLY" => ContactsOnlyFlows,
            "CONTACTS-AND-HISTORY" => ContactsAndHistoryFlows,
            "EVERYTHING" => SyncFlows.All,
            _ => null,
        };
        if (named is null)
        {
            problems.Add(new ConfigurationProblem("Preset", $"'{name}' is not a preset; use one of {string.Join(", ", Names)}."));
        }

        flows = named ?? SyncFlows.None;
        var flowNames = string.Join(", ", SingleFlows);
        foreach (var (flowName, enabled) in overrides ?? new Dictionary<string, bool>())
        {
            var known = SingleFlows.Where(flow => string.Equals(flow.ToString(), flowName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (known.Count == 0)
            {
                problems.Add(new ConfigurationProblem($"Flows:{flowName}", $"'{flowName}' is not a flow; use one of {flowNames}."));
                continue;
            }

            flows = enabled ? flows | known[0] : flows & ~known[0];
        }

        return problems;
    }
}
