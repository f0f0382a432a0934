using RoezanGhl.Core.Planning;
using RoezanGhl.Storage.Leases;

namespace RoezanGhl.Engine.Processing.RoezanToGhl;

/// <summary>What <see cref="LeasedPlanner"/> found: a plan and the leases held for it, or the lease that blocks the event.</summary>
public sealed record LeasedPlan
{
    public SyncPlan? Plan { get; init; }

    public IReadOnlyList<string> Leases { get; init; } = [];

    /// <summary>Set when another event holds a lease the plan needs: the event waits and plans again later.</summary>
    public LeaseAcquisition? Blocked { get; init; }

    public static LeasedPlan Holding(SyncPlan plan, IReadOnlyList<string> leases) => new() { Plan = plan, Leases = leases };

    public static LeasedPlan BlockedBy(LeaseAcquisition blocked) => new() { Blocked = blocked };
}
