using Microsoft.Extensions.Options;
using RoezanGhl.Sync.Accounts;
using RoezanGhl.Sync.FollowUps;

namespace RoezanGhl.Sync.Mapping;

/// <summary>The <see cref="AccountSyncProfile"/> of every configured account, built once from validated options.</summary>
public sealed class AccountSyncProfiles
{
    private readonly Dictionary<string, AccountSyncProfile> _profiles = new(StringComparer.OrdinalIgnoreCase);

    public AccountSyncProfiles(IOptions<RoezanOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (accountId, account) in options.Value.Accounts)
        {
            var zone = AccountTimeZones.Find(account.TimeZone)
                ?? throw new InvalidOperationException($"Roezan:Accounts:{accountId}:TimeZone '{account.TimeZone}' is not a known time zone.");
            var detector = new FollowUpDetector(new FollowUpDetectionOptions { DateOrder = FollowUpDetectionOptions.DateOrderForRegion(account.DefaultPhoneRegion) });
            _profiles[accountId] = new AccountSyncProfile(
                accountId,
                account.GhlLocationId,
                FlowSet.Resolve(account.Preset, account.Flows),
                account.Mapping ?? new AccountMapping(),
                zone,
                detector);
        }
    }

    public IReadOnlyCollection<AccountSyncProfile> All => _profiles.Values;

    /// <summary>The account's profile, or null for an account that is not configured.</summary>
    public AccountSyncProfile? Find(string accountId) => _profiles.GetValueOrDefault(accountId);
}
