using NodaTime;

namespace RoezanGhl.Core.Automations.Timing;

/// <summary>
/// When a text goes out, or why it does not. <see cref="RequestedAt"/> is the due time the timing gave;
/// <see cref="SendAt"/> is that (or now, if it is slightly past) moved into sending hours.
/// </summary>
public sealed record ScheduleResult(Instant? SendAt, Instant RequestedAt, string? SkipReason)
{
    public bool IsScheduled => SendAt is not null;

    /// <summary>Whether sending hours moved the text.</summary>
    public bool ShiftedBySendingHours { get; init; }
}
