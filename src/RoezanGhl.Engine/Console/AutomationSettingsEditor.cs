using System.Globalization;
using System.Text.RegularExpressions;
using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.Engine.Console;

/// <summary>
/// The Presets and SMS templates screen's edits, in and out of a configuration: the rows it shows (each entry with
/// its ready-made template filled in, then the templates not listed yet) and the candidate an edit makes of the
/// configuration in force. An entry keeps what the screen does not show (name, conditions, grace); a value equal to
/// the ready-made template's is left out rather than written as an override, so the entry keeps following the template.
/// </summary>
public static partial class AutomationSettingsEditor
{
    /// <summary>The sending hours an account without any has (<c>SendingHours.Default</c>), as the screen shows them.</summary>
    public const string DefaultStart = "08:00";

    public const string DefaultEnd = "21:00";

    public static IReadOnlyList<AutomationRowView> Rows(AccountConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var rows = new List<AutomationRowView>();
        var entries = configuration.Mapping.Automations;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is { } entry)
            {
                var template = AutomationCatalog.Find(entry.Template);
                rows.Add(Row(i, entry.Enabled, template is null ? entry : AutomationCatalog.Merge(template, entry), entry.Template));
            }
        }

        var listed = entries.Select(entry => entry?.Template?.Trim()).Where(name => name is not null).ToHashSet(StringComparer.OrdinalIgnoreCase);
        rows.AddRange(AutomationCatalog.Names.Where(name => !listed.Contains(name)).Select(name => Row(null, false, AutomationCatalog.Find(name)!, name)));
        return rows;
    }

    /// <summary>
    /// The configuration <paramref name="current"/> becomes with <paramref name="edit"/> (a copy: the current one is
    /// not touched), and for each row the index of its entry in <c>mapping.automations</c> (null: a template left off and not listed).
    /// </summary>
    public static (AccountConfiguration Candidate, IReadOnlyList<int?> Entries) Apply(AccountConfiguration current, AutomationSettingsEdit edit)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(edit);
        AccountConfigurationJson.TryRead(AccountConfigurationJson.Write(current), out var candidate, out _);
        // What the screen shows for an unset preset or sending hours (the defaults) stays unset unless changed.
        var preset = edit.Preset?.Trim();
        candidate!.Preset = string.IsNullOrEmpty(preset) || (candidate.Preset is null && preset == FlowPresets.Default) ? candidate.Preset : preset;
        if (FlowPresets.TryResolve(candidate.Preset, null, out var presetFlows).Count == 0)
        {
            candidate.Flows = edit.Flows.Where(flow => !Enum.TryParse<SyncFlows>(flow.Key, ignoreCase: true, out var known) || presetFlows.HasFlag(known) != flow.Value)
                .ToDictionary(flow => flow.Key, flow => flow.Value, StringComparer.OrdinalIgnoreCase);
        }

        candidate.Mapping.SendingHours = edit.SendingHours is null or { Start: null or "", End: null or "" }
            || (candidate.Mapping.SendingHours is null && edit.SendingHours is { Start: DefaultStart, End: DefaultEnd }) ? candidate.Mapping.SendingHours : edit.SendingHours;
        var entries = candidate.Mapping.Automations;
        var indexes = new List<int?>();
        foreach (var row in edit.Automations)
        {
            if (row.Entry is { } index && index >= 0 && index < entries.Count && entries[index] is { } entry)
            {
                Update(entry, row);
                indexes.Add(index);
            }
            else if (row.Entry is null && row.Enabled)
            {
                var added = new AutomationDefinition { Template = row.Template?.Trim() };
                Update(added, row);
                entries.Add(added);
                indexes.Add(entries.Count - 1);
            }
            else
            {
                indexes.Add(null);
            }
        }

        return (candidate, indexes);
    }

    /// <summary>"Mapping:automations:3:message" → "Automations:1:message" for the row the entry is shown in; other paths as they are.</summary>
    public static IReadOnlyList<ConfigurationProblem> ByRow(IEnumerable<ConfigurationProblem> problems, IReadOnlyList<int?> entries)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(entries);
        return [.. problems.Select(problem =>
        {
            var match = EntryPath().Match(problem.Path);
            var row = match.Success ? IndexOf(entries, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)) : -1;
            return row < 0 ? problem : problem with { Path = $"Automations:{row}{match.Groups[2].Value}" };
        })];
    }

    private static int IndexOf(IReadOnlyList<int?> entries, int entry)
    {
        for (var row = 0; row < entries.Count; row++)
        {
            if (entries[row] == entry)
            {
                return row;
            }
        }

        return -1;
    }

    private static AutomationRowView Row(int? entry, bool enabled, AutomationDefinition effective, string? template)
    {
        var kind = AutomationTriggerKinds.TryParse(effective.Trigger?.Event, out var parsed) ? parsed : (AutomationTriggerKind?)null;
        return new AutomationRowView(
            entry,
            effective.Name ?? template ?? string.Empty,
            template,
            effective.Trigger?.Event ?? string.Empty,
            enabled,
            effective.Message ?? string.Empty,
            effective.Timing?.After,
            effective.Timing?.Before,
            effective.MaxSegments ?? Automation.DefaultMaxSegments,
            kind == AutomationTriggerKind.TagAdded ? effective.Trigger?.Tags ?? [] : null,
            kind == AutomationTriggerKind.InboundKeyword ? effective.Trigger?.Keywords ?? [] : null,
            kind is { } k && AutomationTriggerKinds.CarriesAppointment(k),
            kind is { } known ? AutomationPlaceholders.For(known) : []);
    }

    private static void Update(AutomationDefinition entry, AutomationRowEdit row)
    {
        var template = AutomationCatalog.Find(entry.Template);
        entry.Enabled = row.Enabled;
        entry.Message = template is not null && row.Message == template.Message ? null : row.Message;
        entry.MaxSegments = template is not null && row.MaxSegments == template.MaxSegments ? null : row.MaxSegments;
        var (after, before) = (Blank(row.After), Blank(row.Before));
        var grace = entry.Timing?.Grace;
        entry.Timing = template is not null && after == template.Timing?.After && before == template.Timing?.Before
            ? (grace is null ? null : new AutomationTimingDefinition { Grace = grace })
            : new AutomationTimingDefinition { After = after, Before = before, Grace = grace };
        var trigger = entry.Trigger ?? new AutomationTriggerDefinition();
        trigger.Tags = Words(row.Tags, template?.Trigger?.Tags, trigger.Tags);
        trigger.Keywords = Words(row.Keywords, template?.Trigger?.Keywords, trigger.Keywords);
        entry.Trigger = trigger.Event is null && trigger.Tags is null && trigger.Keywords is null ? null : trigger;
    }

    /// <summary>The words as edited; null when they are the template's (or the row has none to edit).</summary>
    private static List<string>? Words(List<string>? edited, List<string>? template, List<string>? current)
    {
        if (edited is null)
        {
            return current;
        }

        var words = edited.Select(word => word.Trim()).Where(word => word.Length > 0).ToList();
        return template is not null && words.SequenceEqual(template, StringComparer.OrdinalIgnoreCase) ? null : words;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^Mapping:automations:(\d+)(:.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex EntryPath();
}
