namespace RoezanGhl.Sync.Planning;

/// <summary>Every account runs <see cref="AccountSyncProfile.Default"/> (all flows, identity mapping).</summary>
public sealed class DefaultAccountSyncProfileSource : IAccountSyncProfileSource
{
    public AccountSyncProfile GetProfile(string accountId) => AccountSyncProfile.Default;
}
