using RoezanGhl.Core.Sync;

namespace RoezanGhl.Core.TwoWay;

/// <summary>
/// The fingerprints of the mapped states this app wrote to one linked contact, newest first, per direction, kept for
/// <see cref="Window"/> and at most <see cref="Capacity"/> of them. An incoming event whose state matches one written
/// in its source system by us is an echo of our own write.
/// </summary>
/// <remarks>
/// Why a short history and not only the last write: echoes come back out of order. We write A then B to GHL; GHL's
/// webhook for A may arrive after B was written. Compared with B alone, A would look like a user's change and be
/// copied back (a revert and a ping-pong). Every write in the window is remembered, so A is still recognised. The
/// price: a person who, within the window, sets a contact back exactly to a state we wrote moments ago is taken for
/// an echo; reconciliation reports such drift.
/// </remarks>
public sealed record EchoHistory
{
    public const int Capacity = 16;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static EchoHistory Empty { get; } = new();

    public IReadOnlyList<EchoEntry> Entries { get; init; } = [];

    /// <summary>True when <paramref name="fingerprint"/> is a state we wrote to <paramref name="target"/> within the window.</summary>
    public bool Wrote(SyncSystem target, string fingerprint, DateTimeOffset now) =>
        Entries.Any(entry => entry.Target == target && entry.Fingerprint == fingerprint && now - entry.WrittenAt <= Window);

    /// <summary>This history with one more write, the oldest and expired ones dropped.</summary>
    /// <param name="target">The system written to.</param>
    /// <param name="fingerprint">The state the write leaves there.</param>
    /// <param name="now">When the write is made.</param>
    /// <param name="before">The hashes of the values it replaces (<see cref="OverwrittenValues.Before"/>), when known.</param>
    /// <param name="changedAt">When the change it carries was made, by its own system's clock, when known.</param>
    /// <param name="after">The hashes of the values it writes (<see cref="OverwrittenValues.After"/>), when known.</param>
    public EchoHistory With(SyncSystem target, string fingerprint, DateTimeOffset now, IReadOnlyDictionary<string, string>? before = null, DateTimeOffset? changedAt = null, IReadOnlyDictionary<string, string>? after = null) => new()
    {
        Entries = [new EchoEntry(target, fingerprint, now) { Before = before, After = after, ChangedAt = changedAt }, .. Entries.Where(entry => now - entry.WrittenAt <= Window).Take(Capacity - 1)],
    };
}
