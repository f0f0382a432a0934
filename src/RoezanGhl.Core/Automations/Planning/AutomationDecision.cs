namespace RoezanGhl.Core.Automations.Planning;

/// <summary>
/// What planning made of one automation whose trigger fired: a <see cref="PlannedSend"/>, or the reason nothing will be
/// sent (a condition, a past due time, a render over its segment limit). Both carry the send id, so a skip can be
/// recorded in the ledger and shown in the plan.
/// </summary>
public sealed record AutomationDecision(string AutomationName, string SendId, PlannedSend? Send, string? SkipReason)
{
    public bool IsPlanned => Send is not null;

    public static AutomationDecision Planned(PlannedSend send) => new(send.AutomationName, send.SendId, send, null);

    public static AutomationDecision Skipped(string automationName, string sendId, string reason) => new(automationName, sendId, null, reason);
}
