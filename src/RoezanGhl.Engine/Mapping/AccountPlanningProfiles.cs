using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.FollowUps;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.Engine.Mapping;

/// <summary>
/// The <see cref="PlanningProfile"/> of every configured account, built once from the validated
/// <c>Roezan:Accounts</c> settings: its preset plus overrides (<see cref="FlowPresets"/>), its field mapping
/// (<see cref="AccountContactFieldMapping"/>), whether updates leave a note, and F5's follow-up rule in its
/// time zone (with the date order of its phone region). The seed (and fallback) of the <see cref="IPlanningProfileSource"/>
/// in force, which lays the latest configuration saved from the console over it.
/// </summary>
public sealed class AccountPlanningProfiles
{
    private readonly Dictionary<string, PlanningProfile> _profiles = new(StringComparer.OrdinalIgnoreCase);

    public AccountPlanningProfiles(IOptions<RoezanOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (accountId, account) in options.Value.Accounts)
        {
            _profiles[accountId] = Build(accountId, account);
        }
    }

    /// <summary>The account's profile, or null for an account that is not configured.</summary>
    public PlanningProfile? Find(string accountId) => _profiles.GetValueOrDefault(accountId);

    /// <summary>The account's profile; an account that is not configured is a programming error here (the processor checks first).</summary>
    public PlanningProfile GetProfile(string accountId) =>
        Find(accountId) ?? throw new ArgumentException($"Roezan account '{accountId}' is not configured under Roezan:Accounts.", nameof(accountId));

    /// <summary>One account's profile from its settings (validated ones: an unknown preset or zone throws).</summary>
    public static PlanningProfile Build(string accountId, RoezanAccountOptions account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var zone = AccountTimeZones.Find(account.TimeZone)
            ?? throw new InvalidOperationException($"Roezan:Accounts:{accountId}:TimeZone '{account.TimeZone}' is not a known time zone.");
        var mapping = account.Mapping ?? new AccountMapping();
        var detector = new FollowUpDetector(new FollowUpDetectionOptions { DateOrder = FollowUpDetectionOptions.DateOrderForRegion(account.DefaultPhoneRegion) });
        return new PlanningProfile
        {
            Flows = FlowPresets.Resolve(account.Preset, account.Flows),
            FieldMapping = new AccountContactFieldMapping(mapping),
            Directions = mapping.Directions,
            NoteOnContactUpdate = mapping.NoteOnContactUpdate,
            FollowUps = new FollowUpTaskRule(detector, zone),
        };
    }
}
