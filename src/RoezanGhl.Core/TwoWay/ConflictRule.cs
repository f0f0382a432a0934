namespace RoezanGhl.Core.TwoWay;

/// <summary>
/// Who wins when GHL and Roezan changed the same field within the conflict window (<c>Sync:TwoWay:ConflictRule</c>:
/// <c>newest-wins</c>, <c>ghl-wins</c>, <c>roezan-wins</c>).
/// </summary>
public enum ConflictRule
{
    /// <summary>The change with the later timestamp (each by its own system's clock).</summary>
    NewestWins,

    GhlWins,

    RoezanWins,
}
