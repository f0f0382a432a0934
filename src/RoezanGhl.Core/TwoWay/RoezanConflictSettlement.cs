using RoezanGhl.Core.Planning;

namespace RoezanGhl.Core.TwoWay;

/// <summary>What <see cref="RoezanChangeConflicts.Settle"/> made of a Roezan → GHL plan.</summary>
/// <param name="Plan">The plan to run against GHL.</param>
/// <param name="Conflicts">The contested fields, with both values and the winner.</param>
public sealed record RoezanConflictSettlement(SyncPlan Plan, IReadOnlyList<FieldConflict> Conflicts)
{
    /// <summary>
    /// After a conflict: the winning values to write back to Roezan (<see cref="ConflictWriteBack"/> says why), whichever
    /// side won; empty without a conflict.
    /// </summary>
    public ContactFields RoezanWriteBack { get; init; } = ContactFields.Empty;
}
