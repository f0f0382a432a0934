using RoezanGhl.Core.Automations.Templates;
using RoezanGhl.Core.Automations.Timing;

namespace RoezanGhl.Core.Automations;

/// <summary>
/// A checked automation, ready to plan: trigger, conditions (the ones every send must meet included), the parsed
/// message template, timing, and the most SMS segments a render may take.
/// </summary>
public sealed record Automation(
    string Name,
    AutomationTrigger Trigger,
    IReadOnlyList<AutomationCondition> Conditions,
    SmsTemplate Message,
    AutomationTiming Timing,
    int MaxSegments)
{
    public const int DefaultMaxSegments = 2;
    public const int MaxSegmentsLimit = 10;

    /// <summary>The first condition the contact fails, or null when all hold.</summary>
    public AutomationCondition? FirstUnmetCondition(AutomationContact contact, ContactConsent consent) =>
        Conditions.FirstOrDefault(condition => !condition.IsMetBy(contact, consent));
}
