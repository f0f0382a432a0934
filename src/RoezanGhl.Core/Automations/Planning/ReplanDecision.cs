namespace RoezanGhl.Core.Automations.Planning;

/// <summary>
/// The answer for one scheduled text: keep it, cancel it (with the reason, for the ledger), or replace it with
/// <see cref="Replacement"/>. A replacement whose <see cref="PlannedSend.SendId"/> equals the old one updates it in place.
/// </summary>
public sealed record ReplanDecision(ReplanAction Action, string Reason, PlannedSend? Replacement = null)
{
    public static ReplanDecision Keep(string reason) => new(ReplanAction.Keep, reason);

    public static ReplanDecision Cancel(string reason) => new(ReplanAction.Cancel, reason);
}
