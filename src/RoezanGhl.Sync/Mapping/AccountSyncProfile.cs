using NodaTime;
using RoezanGhl.Sync.FollowUps;

namespace RoezanGhl.Sync.Mapping;

/// <summary>Everything the planner needs to know about one Roezan account's choices, resolved and checked at start.</summary>
/// <param name="AccountId">The Roezan account id.</param>
/// <param name="GhlLocationId">The GHL location it feeds.</param>
/// <param name="Flows">Which flows run.</param>
/// <param name="Mapping">How its contacts' fields map (defaults when it configured none).</param>
/// <param name="TimeZone">Where follow-up due dates are resolved.</param>
/// <param name="FollowUps">The follow-up detector with this account's options (date order from its phone region).</param>
public sealed record AccountSyncProfile(string AccountId, string GhlLocationId, FlowSet Flows, AccountMapping Mapping, DateTimeZone TimeZone, FollowUpDetector FollowUps);
