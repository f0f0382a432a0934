using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Planning;

/// <summary>
/// Plans <c>task.created</c>, <c>task.updated</c> and <c>task.completed</c> (flow F6): create, update or complete
/// the linked GHL task, waiting for the contact's link when needed.
/// </summary>
internal static class TaskEventPlanner
{
    public static SyncPlan Plan(SyncPlan plan, QueuedRoezanEvent queued, PlanningProfile profile, SyncSnapshot snapshot)
    {
        var roezanEvent = queued.Event;
        if (roezanEvent.Data?.Task is not { } task || PlanRules.Clean(task.Id) is not { } taskId)
        {
            return plan with { Reason = "data.task.id is missing" };
        }

        if (!profile.Runs(SyncFlows.TaskSync))
        {
            return PlanRules.Skip(plan, "the task flow is off for this account");
        }

        var completing = roezanEvent.Type == RoezanEventTypes.TaskCompleted;
        var incoming = new TaskFields
        {
            Title = PlanRules.Clean(task.Title),
            Body = PlanRules.Clean(task.Body),
            DueDate = task.DueDate,
            Completed = completing ? true : task.Completed,
        };
        var reference = GhlReference.ForRoezanTask(taskId);
        plan = plan with { RoezanTaskId = taskId };

        if (snapshot.Task is not { } linked)
        {
            if (PlanRules.Clean(task.ContactId) is null)
            {
                return plan with { Reason = "data.task.contactId is missing" };
            }

            if (snapshot.Contact is null)
            {
                return plan with
                {
                    Disposition = PlanDisposition.WaitForContact,
                    Reason = $"Roezan contact {task.ContactId} is not linked to a GHL contact yet",
                };
            }

            var state = new TaskFields
            {
                Title = incoming.Title ?? profile.DefaultTaskTitle,
                Body = incoming.Body,
                DueDate = incoming.DueDate ?? (roezanEvent.OccurredAt ?? queued.AcceptedAt) + profile.DefaultTaskDue,
                Completed = incoming.Completed ?? false,
            };
            var why = roezanEvent.Type == RoezanEventTypes.TaskCreated
                ? "new Roezan task"
                : $"Roezan task {taskId} has no GHL task linked yet (its task.created was not applied), so it is created as it is now";
            var steps = new List<PlanStep>
            {
                new CreateTaskStep { Fields = state with { Body = GhlReference.AppendTo(state.Body, reference) }, Reference = reference, Reason = why },
            };
            return PlanRules.Apply(plan, steps, $"create the GHL task for Roezan task {taskId}") with
            {
                TaskState = state,
                TaskStateOccurredAt = roezanEvent.OccurredAt,
            };
        }

        plan = plan with { GhlContactId = linked.GhlContactId, GhlTaskId = linked.GhlTaskId };
        // At the same instant as the last applied change, the smaller event id is the older (RoezanChangeOrder), as for contacts.
        if (RoezanChangeOrder.IsOlder(roezanEvent.OccurredAt, roezanEvent.Id, linked.LastOccurredAt, linked.LastEventId))
        {
            return PlanRules.Skip(plan, $"stale: occurred at {PlanRules.Format(roezanEvent.OccurredAt!.Value)}, not after the last applied change to the task at {PlanRules.Format(linked.LastOccurredAt!.Value)}");
        }

        var newest = PlanRules.Later(linked.LastOccurredAt, roezanEvent.OccurredAt);
        if (completing)
        {
            return linked.Fields.Completed == true
                ? PlanRules.Skip(plan, "the GHL task is already completed") with { TaskState = linked.Fields, TaskStateOccurredAt = newest }
                : PlanRules.Apply(plan, [new CompleteTaskStep { Reason = "the Roezan task was completed" }], $"complete GHL task {linked.GhlTaskId}") with
                {
                    TaskState = linked.Fields with { Completed = true },
                    TaskStateOccurredAt = newest,
                };
        }

        var changed = incoming.ChangedFrom(linked.Fields);
        var merged = linked.Fields.MergedWith(incoming);
        if (changed.IsEmpty)
        {
            return PlanRules.Skip(plan, "no change: every non-empty task value is already in GHL") with { TaskState = merged, TaskStateOccurredAt = newest };
        }

        // GHL's PUT replaces the body, so a changed body keeps its reference line.
        var sent = changed.Body is null ? changed : changed with { Body = GhlReference.AppendTo(changed.Body, reference) };
        return PlanRules.Apply(plan, [new UpdateTaskStep { Fields = sent, Reason = $"changed, non-empty values: {changed.DescribeMembers()}" }], $"update GHL task {linked.GhlTaskId}") with
        {
            TaskState = merged,
            TaskStateOccurredAt = newest,
        };
    }
}
