using RoezanGhl.Core.Sync;

namespace RoezanGhl.Core.TwoWay;

/// <summary>One write of ours: which system received it, the fingerprint of the state it left, and when.</summary>
public sealed record EchoEntry(SyncSystem Target, string Fingerprint, DateTimeOffset WrittenAt)
{
    /// <summary>
    /// For each name or email the write replaced, the hash of the value the target held before it
    /// (<see cref="OverwrittenValues"/>); null for a write recorded without them. Hashes only, never values.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Before { get; init; }

    /// <summary>For each name or email the write replaced, the hash of the value it wrote (<see cref="OverwrittenValues"/>); null when not recorded.</summary>
    public IReadOnlyDictionary<string, string>? After { get; init; }

    /// <summary>
    /// When the change this write carried was made, by its own system's clock (GHL's <c>dateUpdated</c>, Roezan's event
    /// time); null when not recorded. Conflicts compare each side's own change times, never our write time.
    /// </summary>
    public DateTimeOffset? ChangedAt { get; init; }
}
