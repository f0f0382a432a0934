namespace RoezanGhl.Sync.Planning;

/// <summary>Where the processor gets an account's <see cref="AccountSyncProfile"/>. Issue 6 replaces the default.</summary>
public interface IAccountSyncProfileSource
{
    AccountSyncProfile GetProfile(string accountId);
}
