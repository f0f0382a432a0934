namespace RoezanGhl.Engine.Console;

/// <summary>
/// One account as the console's Accounts screen shows it: where it goes in GHL, which kind of token the location
/// has, whether it is working (or needs attention, and why), its last event and its failures in the last 24 hours.
/// </summary>
public sealed record AccountOverview(
    string AccountId,
    string LocationId,
    string TokenKind,
    bool Working,
    string? AttentionReason,
    DateTimeOffset? LastEventAt,
    string? LastEventStatus,
    int FailuresLast24Hours);
