using RoezanGhl.Sync.Accounts;
using RoezanGhl.Sync.Events;

namespace RoezanGhl.Sync.Planning;

/// <summary>
/// F5's slot in the planner: decides whether an inbound message asks for a follow-up and, if so, the task
/// to create. Issue 6's follow-up detector implements it. Must be pure (the message carries its own
/// received time; the account carries the time zone).
/// </summary>
public interface IMessageTaskRule
{
    /// <summary>The task to create for <paramref name="message"/>, or null when it names no follow-up.</summary>
    TaskFields? FindTask(RoezanMessage message, RoezanAccountOptions account);
}
