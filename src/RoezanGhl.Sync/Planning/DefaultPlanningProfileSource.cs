namespace RoezanGhl.Sync.Planning;

/// <summary>Every account runs <see cref="PlanningProfile.Default"/> (all flows, identity mapping).</summary>
public sealed class DefaultPlanningProfileSource : IPlanningProfileSource
{
    public PlanningProfile GetProfile(string accountId) => PlanningProfile.Default;
}
