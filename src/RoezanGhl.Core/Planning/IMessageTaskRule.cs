using RoezanGhl.Core.Events;
using RoezanGhl.Core.FollowUps;

namespace RoezanGhl.Core.Planning;

/// <summary>
/// F5's slot in the planner: decides whether an inbound message asks for a follow-up and, if so, the task
/// to create. <see cref="FollowUps.FollowUpTaskRule"/> implements it with the account's time zone. Must be
/// pure: the due date depends on <paramref name="receivedAt"/>, never on the clock at processing time.
/// </summary>
public interface IMessageTaskRule
{
    /// <summary>The task (title, body, due date, completed) for <paramref name="message"/>, or null when it names no follow-up.</summary>
    /// <param name="message">The inbound SMS.</param>
    /// <param name="receivedAt">When it was received: its <c>receivedAt</c>, else the event's <c>occurredAt</c>.</param>
    TaskFields? FindTask(RoezanMessage message, DateTimeOffset receivedAt);
}
