using RoezanGhl.Core.Sync;

namespace RoezanGhl.Core.TwoWay;

/// <summary>One write of ours: which system received it, the fingerprint of the state it left, and when.</summary>
public sealed record EchoEntry(SyncSystem Target, string Fingerprint, DateTimeOffset WrittenAt);
