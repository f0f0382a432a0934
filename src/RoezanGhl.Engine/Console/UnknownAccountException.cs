namespace RoezanGhl.Engine.Console;

/// <summary>An account id that no <c>Roezan:Accounts:{id}</c> configures.</summary>
public sealed class UnknownAccountException(string accountId)
    : Exception($"Roezan account '{accountId}' is not configured (Roezan:Accounts:{accountId}:GhlLocationId).")
{
    public string AccountId { get; } = accountId;
}
