namespace RoezanGhl.Core.Automations.Planning;

/// <summary>What to do with a scheduled, unsent text when its appointment changes.</summary>
public enum ReplanAction
{
    /// <summary>Leave it as it is.</summary>
    Keep,

    /// <summary>Cancel it: it would be sent for an old time, a cancelled appointment, or can no longer be sent well.</summary>
    Cancel,

    /// <summary>Cancel it and schedule <see cref="ReplanDecision.Replacement"/> instead (whose id may be the same, or new).</summary>
    Replan,
}
