using System.Globalization;

namespace RoezanGhl.Core.Planning;

/// <summary>
/// What every event family's planner shares: how a plan is applied or skipped, what counts as no value (an empty
/// Roezan value is never written), which of two change times is later, and how a time reads in a reason.
/// </summary>
internal static class PlanRules
{
    public static SyncPlan Apply(SyncPlan plan, IReadOnlyList<PlanStep> steps, string reason) =>
        plan with { Disposition = PlanDisposition.Apply, Steps = steps, Reason = reason };

    public static SyncPlan Skip(SyncPlan plan, string reason) =>
        plan with { Disposition = PlanDisposition.Skip, Steps = [], Reason = reason };

    public static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;

    public static string Format(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
