using RoezanGhl.Core.Coalescing;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using static RoezanGhl.TestSupport.Planning.PlanningEvents;

namespace RoezanGhl.Core.Tests.Coalescing;

public sealed class TaskChangeMergerTests
{
    private static readonly TaskSnapshot LinkedTask = new()
    {
        GhlTaskId = "task-1",
        GhlContactId = "ghl-1",
        Fields = new TaskFields { Title = "Call back", Body = "about pricing", DueDate = T0.AddDays(1), Completed = false },
        LastOccurredAt = T0.AddMinutes(-10),
    };

    [Fact]
    public void An_update_and_a_completion_of_one_task_queued_together_plan_as_one_put_that_also_completes_it()
    {
        var update = Change(Task(RoezanEventTypes.TaskUpdated, new RoezanTask { Id = "t_1", ContactId = "c_1", Title = "Call back, moved", Body = "about pricing", DueDate = T0.AddDays(1), Completed = false }, "evt_u", T0));
        var completion = Change(Task(RoezanEventTypes.TaskCompleted, new RoezanTask { Id = "t_1", ContactId = "c_1", Completed = true }, "evt_c", T0.AddMinutes(1)));

        var merged = TaskChangeMerger.Merge(update, [completion]);
        var plan = Plan(merged, Linked(AnaAsApplied) with { Task = LinkedTask });

        Assert.Equal(("evt_u", RoezanEventTypes.TaskUpdated, T0.AddMinutes(1)), (merged.Id, merged.Type, merged.OccurredAt));
        var put = Assert.IsType<UpdateTaskStep>(Assert.Single(plan.Steps));
        Assert.Equal("Call back, moved", put.Fields.Title);
        Assert.True(put.Fields.Completed);
        Assert.Equal(true, plan.TaskState!.Completed);
    }

    [Fact]
    public void Updates_of_the_same_instant_are_merged_in_event_id_order_not_arrival_order()
    {
        // The newer change (the larger id) arrives first, as concurrent webhooks may.
        var newer = new ContactChange(Task(RoezanEventTypes.TaskUpdated, new RoezanTask { Id = "t_1", Title = "Second title" }, "evt_2", T0), T0);
        var older = new ContactChange(Task(RoezanEventTypes.TaskUpdated, new RoezanTask { Id = "t_1", Title = "First title" }, "evt_1", T0), T0.AddSeconds(1));

        var merged = TaskChangeMerger.Merge(newer, [older]);

        Assert.Equal("Second title", merged.Data!.Task!.Title);
    }

    [Fact]
    public void An_update_that_reopens_the_task_after_its_completion_leaves_it_open()
    {
        var completion = Change(Task(RoezanEventTypes.TaskCompleted, new RoezanTask { Id = "t_1", Completed = true }, "evt_c", T0));
        var reopen = Change(Task(RoezanEventTypes.TaskUpdated, new RoezanTask { Id = "t_1", Title = "Call back again", Completed = false }, "evt_u", T0.AddMinutes(1)));

        var merged = TaskChangeMerger.Merge(completion, [reopen]);

        Assert.False(merged.Data!.Task!.Completed);
        Assert.Equal("Call back again", merged.Data.Task.Title);
    }

    [Fact]
    public void Completions_alone_stay_a_completion_and_an_older_title_is_kept_when_the_newer_change_has_none()
    {
        var first = Change(Task(RoezanEventTypes.TaskCompleted, new RoezanTask { Id = "t_1", Completed = true }, "evt_c1", T0));
        var second = Change(Task(RoezanEventTypes.TaskCompleted, new RoezanTask { Id = "t_1", Completed = true }, "evt_c2", T0.AddMinutes(1)));
        Assert.Equal(RoezanEventTypes.TaskCompleted, TaskChangeMerger.Merge(first, [second]).Type);

        var titled = Change(Task(RoezanEventTypes.TaskUpdated, new RoezanTask { Id = "t_1", Title = "Send the quote" }, "evt_u", T0));
        Assert.Equal("Send the quote", TaskChangeMerger.Merge(titled, [second]).Data!.Task!.Title);
    }

    [Fact]
    public void Only_changes_of_the_same_task_are_absorbed_and_a_task_created_never_is()
    {
        var survivor = Task(RoezanEventTypes.TaskUpdated, new RoezanTask { Id = "t_1" }, "evt_u");

        Assert.True(TaskChangeMerger.CanAbsorb(survivor, Task(RoezanEventTypes.TaskCompleted, new RoezanTask { Id = "t_1" }, "evt_c")));
        Assert.False(TaskChangeMerger.CanAbsorb(survivor, Task(RoezanEventTypes.TaskCompleted, new RoezanTask { Id = "t_2" }, "evt_c")));
        Assert.False(TaskChangeMerger.CanAbsorb(survivor, Task(RoezanEventTypes.TaskCreated, new RoezanTask { Id = "t_1" }, "evt_n")));
        Assert.False(TaskChangeMerger.CanAbsorb(survivor, Task(RoezanEventTypes.TaskUpdated, new RoezanTask { Id = "t_1" }, "evt_u")));
    }

    [Fact]
    public void A_change_that_moves_the_task_to_another_contact_is_not_absorbed()
    {
        var survivor = Task(RoezanEventTypes.TaskUpdated, new RoezanTask { Id = "t_1", ContactId = "c_1" }, "evt_u");

        Assert.True(TaskChangeMerger.CanAbsorb(survivor, Task(RoezanEventTypes.TaskCompleted, new RoezanTask { Id = "t_1", ContactId = "c_1" }, "evt_c")));
        Assert.False(TaskChangeMerger.CanAbsorb(survivor, Task(RoezanEventTypes.TaskUpdated, new RoezanTask { Id = "t_1", ContactId = "c_2" }, "evt_m")));
    }

    private static ContactChange Change(RoezanEvent evt) => new(evt, evt.OccurredAt!.Value);
}
