using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Coalescing;

/// <summary>
/// Merges the queued <c>task.updated</c> and <c>task.completed</c> of one Roezan task into the one event the planner
/// plans, so that an edit and a completion cost one <c>PUT /contacts/{id}/tasks/{taskId}</c> (GHL's <c>UpdateTaskBody</c>
/// carries <c>completed</c>) instead of that PUT and a <c>PUT …/completed</c>. Pure, like <see cref="ContactChangeMerger"/>.
/// </summary>
/// <remarks>
/// Changes are taken oldest first (<see cref="ContactChange.OldestFirst"/>: their own time, then their event id): each of title, body and due date is the
/// newest non-empty one, and <c>completed</c> the newest that says (a <c>task.completed</c> says true, an update
/// that reopens the task says false). The merge is a <c>task.completed</c> only when every change was one (the planner
/// then completes the task as before); otherwise a <c>task.updated</c> carrying the completion.
/// </remarks>
public static class TaskChangeMerger
{
    /// <summary>True for a <c>task.updated</c> or <c>task.completed</c>.</summary>
    public static bool IsTaskChange(RoezanEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return evt.Type is RoezanEventTypes.TaskUpdated or RoezanEventTypes.TaskCompleted;
    }

    /// <summary>
    /// True for a change of the same Roezan task, naming the same contact or none, that another change may absorb (the
    /// survivor was planned against its own contact's link: a change that moves the task to another contact goes alone).
    /// </summary>
    public static bool CanAbsorb(RoezanEvent survivor, RoezanEvent candidate)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentNullException.ThrowIfNull(candidate);
        return IsTaskChange(survivor) && IsTaskChange(candidate)
            && candidate.Id is { Length: > 0 } id && id != survivor.Id
            && candidate.Data?.Task is { Id: { Length: > 0 } taskId } task
            && string.Equals(taskId, survivor.Data?.Task?.Id, StringComparison.Ordinal)
            && (string.IsNullOrWhiteSpace(task.ContactId) || string.Equals(task.ContactId, survivor.Data?.Task?.ContactId, StringComparison.Ordinal));
    }

    /// <summary>The survivor with the values of <paramref name="absorbed"/> merged in (each must pass <see cref="CanAbsorb"/>).</summary>
    public static RoezanEvent Merge(ContactChange survivor, IReadOnlyList<ContactChange> absorbed)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentNullException.ThrowIfNull(absorbed);
        if (absorbed.Count == 0)
        {
            return survivor.Event;
        }

        var ordered = ContactChange.OldestFirst(absorbed.Append(survivor))
            .Select(change => change.Event)
            .ToList();
        var merged = new RoezanTask { Id = survivor.Event.Data?.Task?.Id };
        foreach (var change in ordered)
        {
            var task = change.Data!.Task!;
            merged.ContactId = Newest(merged.ContactId, task.ContactId);
            merged.Title = Newest(merged.Title, task.Title);
            merged.Body = Newest(merged.Body, task.Body);
            merged.DueDate = task.DueDate ?? merged.DueDate;
            merged.Completed = change.Type == RoezanEventTypes.TaskCompleted ? true : task.Completed ?? merged.Completed;
        }

        return new RoezanEvent
        {
            Id = survivor.Event.Id,
            Type = ordered.TrueForAll(change => change.Type == RoezanEventTypes.TaskCompleted) ? RoezanEventTypes.TaskCompleted : RoezanEventTypes.TaskUpdated,
            AccountId = survivor.Event.AccountId,
            OccurredAt = ordered.Max(change => change.OccurredAt),
            Data = new RoezanEventData { Task = merged },
        };
    }

    private static string? Newest(string? kept, string? next) => string.IsNullOrWhiteSpace(next) ? kept : next;
}
