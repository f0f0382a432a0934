namespace RoezanGhl.Core.Accounts;

/// <summary>
/// One account's two-way settings (<c>Roezan:Accounts:{accountId}:TwoWay</c>); what is unset follows <c>Sync:TwoWay</c>.
/// </summary>
public sealed class AccountTwoWayOptions
{
    /// <summary><c>newest-wins</c>, <c>ghl-wins</c> or <c>roezan-wins</c>; null: <c>Sync:TwoWay:ConflictRule</c>.</summary>
    public string? ConflictRule { get; set; }
}
