namespace RoezanGhl.RoezanSimulator.State;

/// <summary>One account's contacts and messages at one moment.</summary>
public sealed record RoezanAccountState(IReadOnlyList<RoezanContact> Contacts, IReadOnlyList<RoezanMessage> Messages);
