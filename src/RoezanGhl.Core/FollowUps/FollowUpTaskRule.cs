using NodaTime;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.Core.FollowUps;

/// <summary>
/// F5 for one account: <see cref="FollowUpDetector"/> in the account's time zone, relative to when the
/// message was received. The task's title names the follow-up, its body is the message text (the planner
/// adds the <c>ref:</c> line), it is due when the message says, and it starts open.
/// </summary>
public sealed class FollowUpTaskRule : IMessageTaskRule
{
    private readonly FollowUpDetector _detector;
    private readonly DateTimeZone _zone;

    public FollowUpTaskRule(FollowUpDetector detector, DateTimeZone zone)
    {
        _detector = detector ?? throw new ArgumentNullException(nameof(detector));
        _zone = zone ?? throw new ArgumentNullException(nameof(zone));
    }

    /// <summary>The account's time zone, in which due dates are resolved.</summary>
    public DateTimeZone Zone => _zone;

    public TaskFields? FindTask(RoezanMessage message, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Body is { } body && _detector.Detect(body, receivedAt, _zone) is { } followUp
            ? new TaskFields { Title = followUp.Title, Body = followUp.Body, DueDate = followUp.DueDate, Completed = false }
            : null;
    }
}
