using System.Text.RegularExpressions;
using RoezanGhl.Core.Automations.Timing;
using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Core.Automations;

/// <summary>
/// Checks an account's <c>automations</c> and <c>sendingHours</c> and turns them into <see cref="Automation"/>s.
/// Each problem names its entry (<c>automations:2:timing:before</c>); the structural rules are those of
/// account-mapping.schema.json, and on top of them templates are parsed and rendered with a sample.
/// </summary>
public static partial class AutomationValidator
{
    public const int MaxAutomations = 50;

    public static IReadOnlyList<ConfigurationProblem> Validate(IReadOnlyList<AutomationDefinition?>? automations, SendingHoursDefinition? sendingHours) =>
        TryResolve(automations, sendingHours, out _, out _);

    /// <summary>The enabled automations and the sending hours (the default when none are set); the problems found, empty when all is well.</summary>
    public static IReadOnlyList<ConfigurationProblem> TryResolve(
        IReadOnlyList<AutomationDefinition?>? automations,
        SendingHoursDefinition? sendingHours,
        out IReadOnlyList<Automation> resolved,
        out SendingHours hours)
    {
        var problems = new List<ConfigurationProblem>();
        hours = ReadHours(sendingHours, problems);
        var result = new List<Automation>();
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (automations is { Count: > MaxAutomations })
        {
            problems.Add(new ConfigurationProblem("automations", $"has {automations.Count} entries; at most {MaxAutomations}."));
        }

        for (var i = 0; i < (automations?.Count ?? 0); i++)
        {
            var path = $"automations:{i}";
            if (automations![i] is not { } entry)
            {
                problems.Add(new ConfigurationProblem(path, "must be an automation object."));
                continue;
            }

            if (Resolve(entry, path, problems, names, i) is { } automation && entry.Enabled)
            {
                result.Add(automation);
            }
        }

        resolved = result;
        return problems;
    }

    private static Automation? Resolve(AutomationDefinition entry, string path, List<ConfigurationProblem> problems, Dictionary<string, int> names, int index)
    {
        var definition = entry;
        if (entry.Template is not null)
        {
            if (AutomationCatalog.Find(entry.Template) is not { } template)
            {
                problems.Add(new ConfigurationProblem($"{path}:template", $"'{entry.Template}' is not a ready-made template; use one of {string.Join(", ", AutomationCatalog.Names)}."));
                return null;
            }

            definition = AutomationCatalog.Merge(template, entry);
        }

        var before = problems.Count;
        var name = definition.Name?.Trim();
        if (name is null || !NameSyntax().IsMatch(name))
        {
            problems.Add(new ConfigurationProblem($"{path}:name", name is null
                ? "is required (or name a ready-made template)."
                : $"'{name}' is not a name: 1 to 64 letters, digits, '-' or '_', starting with a letter or digit."));
        }
        else if (!names.TryAdd(name, index))
        {
            problems.Add(new ConfigurationProblem($"{path}:name", $"'{name}' is already the name of automations:{names[name]}; names are unique in an account (they are part of every send id)."));
        }

        var reader = new AutomationEntryReader(path, problems);
        var trigger = reader.Trigger(definition.Trigger);
        var conditions = reader.Conditions(definition.Conditions);
        var timing = reader.Timing(definition.Timing, trigger?.Kind);
        var maxSegments = reader.MaxSegments(definition.MaxSegments);
        var message = reader.Message(definition.Message, trigger?.Kind, maxSegments);
        return problems.Count == before && trigger is not null && timing is not null && message is not null
            ? new Automation(name!, trigger, conditions, message, timing, maxSegments)
            : null;
    }

    private static SendingHours ReadHours(SendingHoursDefinition? definition, List<ConfigurationProblem> problems)
    {
        if (definition is null)
        {
            return SendingHours.Default;
        }

        if (SendingHours.TryParse(definition.Start, definition.End, out var hours))
        {
            return hours;
        }

        if (!SendingHours.TryParse(definition.Start, "24:00", out _))
        {
            problems.Add(new ConfigurationProblem("sendingHours:start", $"'{definition.Start}' is not a time like 08:00 (00:00 to 23:59)."));
        }
        else if (definition.Start == definition.End)
        {
            problems.Add(new ConfigurationProblem("sendingHours", "start and end are the same minute; for every hour use 00:00 to 24:00."));
        }
        else
        {
            problems.Add(new ConfigurationProblem("sendingHours:end", $"'{definition.End}' is not a time like 21:00 (00:00 to 24:00)."));
        }

        return SendingHours.Default;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NameSyntax();
}
