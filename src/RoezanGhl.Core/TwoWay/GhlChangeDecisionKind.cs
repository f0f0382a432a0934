namespace RoezanGhl.Core.TwoWay;

public enum GhlChangeDecisionKind
{
    /// <summary>GHL reports a state this app wrote: acknowledged, nothing applied.</summary>
    Echo,

    /// <summary>No mapped field differs from what both systems hold (a change to an unmapped field, or a repeat).</summary>
    NoChange,

    /// <summary>A new GHL contact without a phone: Roezan keys contacts by phone, so there is nothing to create.</summary>
    NoPhone,

    /// <summary>Write <see cref="GhlChangeDecision.Upsert"/> to Roezan.</summary>
    Apply,
}
