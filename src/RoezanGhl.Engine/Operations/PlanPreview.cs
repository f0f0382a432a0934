using RoezanGhl.Core.Planning;

namespace RoezanGhl.Engine.Operations;

/// <summary>
/// What an event would cause in GHL: the plan, where its links came from, and the plan with the JSON body of each
/// GHL call (<see cref="Processing.GhlPlanPayloads"/>, personal values masked unless asked for).
/// </summary>
public sealed record PlanPreview(string AccountId, string LocationId, SyncPlan Plan, string LinksSource, string Payloads, bool PersonalDataShown)
{
    /// <summary>The steps and their bodies, without the plan's own summary line (which <see cref="Plan"/> carries).</summary>
    public string StepsWithBodies => Payloads.IndexOf('\n', StringComparison.Ordinal) is var end and >= 0 ? Payloads[(end + 1)..] : string.Empty;
}
