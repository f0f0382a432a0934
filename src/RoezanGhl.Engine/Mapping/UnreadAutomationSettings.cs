using Microsoft.Extensions.Configuration;
using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Engine.Mapping;

/// <summary>
/// Names under <c>Mapping:Automations</c> and <c>Mapping:SendingHours</c> in settings that nothing reads (a misspelt
/// <c>Timming</c>): the configuration binder skips them silently, which would leave a default in force.
/// </summary>
internal static class UnreadAutomationSettings
{
    private static readonly string[] Entry = Names<AutomationDefinition>();
    private static readonly string[] Trigger = Names<AutomationTriggerDefinition>();
    private static readonly string[] Condition = Names<AutomationConditionDefinition>();
    private static readonly string[] Timing = Names<AutomationTimingDefinition>();
    private static readonly string[] Hours = Names<SendingHoursDefinition>();

    public static IEnumerable<ConfigurationProblem> Find(IConfigurationSection automations, IConfigurationSection sendingHours)
    {
        foreach (var entry in automations.GetChildren())
        {
            foreach (var problem in Unread(entry, Entry))
            {
                yield return problem;
            }

            var nested = Unread(entry.GetSection(nameof(AutomationDefinition.Trigger)), Trigger)
                .Concat(Unread(entry.GetSection(nameof(AutomationDefinition.Timing)), Timing))
                .Concat(entry.GetSection(nameof(AutomationDefinition.Conditions)).GetChildren().SelectMany(condition => Unread(condition, Condition)));
            foreach (var problem in nested)
            {
                yield return problem;
            }
        }

        foreach (var problem in Unread(sendingHours, Hours))
        {
            yield return problem;
        }
    }

    private static IEnumerable<ConfigurationProblem> Unread(IConfigurationSection section, string[] known) =>
        section.GetChildren()
            .Where(setting => !known.Contains(setting.Key, StringComparer.OrdinalIgnoreCase))
            .Select(setting => new ConfigurationProblem(setting.Path, $"is not read here; use {string.Join(", ", known)}."));

    private static string[] Names<T>() => typeof(T).GetProperties().Select(property => property.Name).ToArray();
}
