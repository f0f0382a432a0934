namespace RoezanGhl.LoadHarness.Workload;

/// <summary>
/// The fixed event mix: 45% messages from known contacts (a fifth of them, once possible, from numbers that
/// first wrote earlier in the run), 10% first messages from new numbers, 15% contact updates, 10% contact
/// creations, 10% task events (half created, a quarter updated, a quarter completed), 10% notes.
/// </summary>
public static class EventMix
{
    /// <summary>Share of each kind drawn by the script (follow-ups are drawn as known-contact messages).</summary>
    public static IReadOnlyList<(EventKind Kind, double Share)> Shares { get; } =
    [
        (EventKind.MessageFromKnownContact, 0.45),
        (EventKind.MessageFromNewNumber, 0.10),
        (EventKind.ContactUpdated, 0.15),
        (EventKind.ContactCreated, 0.10),
        (EventKind.TaskCreated, 0.05),
        (EventKind.TaskUpdated, 0.025),
        (EventKind.TaskCompleted, 0.025),
        (EventKind.NoteCreated, 0.10),
    ];

    /// <summary>Of the known-contact messages, the share sent from a number that first wrote earlier in the run.</summary>
    public const double FollowUpShare = 0.2;

    /// <summary>A follow-up comes at least this long after the number's first message (people do not answer in a millisecond).</summary>
    public static readonly TimeSpan FollowUpGap = TimeSpan.FromSeconds(5);

    /// <summary>Share of contact updates and creations that carry a tag GHL does not have yet.</summary>
    public const double NewTagShare = 0.5;

    /// <summary>
    /// GHL calls our planner makes per event of the mix without faults, used only to size the load ("half the
    /// limit" = 50 calls' worth per 10 s): a known contact's message 1 (note), a new number 2 (create + note),
    /// an update 1 + a tag call for half of them, a creation 1 (upsert) + a tag call for half, task events
    /// 1, notes 1. The calls actually made are measured and reported.
    /// </summary>
    public static double ExpectedCallsPerEvent { get; } =
        (0.45 * 1) + (0.10 * 2) + (0.15 * (1 + NewTagShare)) + (0.10 * (1 + NewTagShare)) + (0.10 * 1) + (0.10 * 1);

    /// <summary>Picks a kind for a uniform draw in [0, 1).</summary>
    public static EventKind Pick(double draw)
    {
        var total = 0.0;
        foreach (var (kind, share) in Shares)
        {
            total += share;
            if (draw < total)
            {
                return kind;
            }
        }

        return Shares[^1].Kind;
    }
}
