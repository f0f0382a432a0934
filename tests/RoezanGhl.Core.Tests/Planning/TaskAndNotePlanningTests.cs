using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using static RoezanGhl.TestSupport.Planning.PlanningEvents;

namespace RoezanGhl.Core.Tests.Planning;

public sealed class TaskAndNotePlanningTests
{
    private static readonly TaskSnapshot LinkedTask = new()
    {
        GhlTaskId = "task-1",
        GhlContactId = "ghl-1",
        Fields = new TaskFields { Title = "Call back", Body = "about pricing", DueDate = T0.AddDays(1), Completed = false },
        LastOccurredAt = T0.AddMinutes(-10),
    };

    [Fact]
    public void Task_created_for_a_linked_contact_creates_the_task_with_its_reference()
    {
        var plan = Plan(Task(RoezanEventTypes.TaskCreated, new RoezanTask { Id = "t_1", ContactId = "c_1", Title = "Call back", Body = "about pricing", DueDate = T0.AddDays(2) }), Linked(AnaAsApplied));

        var create = Assert.IsType<CreateTaskStep>(Assert.Single(plan.Steps));
        Assert.Equal("Call back", create.Fields.Title);
        Assert.Equal("about pricing\n\nref: roezan-task/t_1", create.Fields.Body);
        Assert.Equal(T0.AddDays(2), create.Fields.DueDate);
        Assert.False(create.Fields.Completed);
        Assert.Equal("roezan-task/t_1", create.Reference);
        Assert.Equal("about pricing", plan.TaskState!.Body);
        Assert.Equal("t_1", plan.RoezanTaskId);
        Assert.Equal("ghl-1", plan.GhlContactId);
    }

    [Fact]
    public void Task_without_title_or_due_date_gets_the_profile_defaults_ghl_requires()
    {
        var plan = Plan(Task(RoezanEventTypes.TaskCreated, new RoezanTask { Id = "t_1", ContactId = "c_1" }), Linked(AnaAsApplied));

        var create = Assert.IsType<CreateTaskStep>(Assert.Single(plan.Steps));
        Assert.Equal("Roezan task", create.Fields.Title);
        Assert.Equal(T0.AddDays(1), create.Fields.DueDate);
        Assert.Equal("ref: roezan-task/t_1", create.Fields.Body);
    }

    [Fact]
    public void Task_for_a_contact_not_linked_yet_waits_for_the_contact()
    {
        var plan = Plan(Task(RoezanEventTypes.TaskCreated, new RoezanTask { Id = "t_1", ContactId = "c_1", Title = "x" }));

        Assert.Equal(PlanDisposition.WaitForContact, plan.Disposition);
        Assert.Contains("c_1", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_updated_sends_only_what_changed_and_keeps_the_reference_in_a_new_body()
    {
        var snapshot = Linked(AnaAsApplied) with { Task = LinkedTask };
        var plan = Plan(Task(RoezanEventTypes.TaskUpdated, new RoezanTask { Id = "t_1", ContactId = "c_1", Title = "Call back", Body = "about the renewal", DueDate = null }), snapshot);

        var update = Assert.IsType<UpdateTaskStep>(Assert.Single(plan.Steps));
        Assert.Null(update.Fields.Title);
        Assert.Null(update.Fields.DueDate);
        Assert.Equal("about the renewal\n\nref: roezan-task/t_1", update.Fields.Body);
        Assert.Equal("task-1", plan.GhlTaskId);
        Assert.Equal(LinkedTask.Fields.DueDate, plan.TaskState!.DueDate);
    }

    [Fact]
    public void Task_updated_older_than_the_last_task_change_is_stale()
    {
        var snapshot = Linked(AnaAsApplied) with { Task = LinkedTask };
        var plan = Plan(Task(RoezanEventTypes.TaskUpdated, new RoezanTask { Id = "t_1", ContactId = "c_1", Title = "Old" }, at: T0.AddMinutes(-20)), snapshot);

        Assert.Equal(PlanDisposition.Skip, plan.Disposition);
        Assert.StartsWith("stale", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_updated_at_the_same_instant_as_the_last_change_is_ordered_by_event_id()
    {
        // Two updates of one task in the same millisecond: whichever is processed last, the greater id wins.
        var snapshot = Linked(AnaAsApplied) with { Task = LinkedTask with { LastOccurredAt = T0, LastEventId = "evt_t5" } };

        var older = Plan(Task(RoezanEventTypes.TaskUpdated, new RoezanTask { Id = "t_1", ContactId = "c_1", Title = "Older" }, id: "evt_t4", at: T0), snapshot);
        var newer = Plan(Task(RoezanEventTypes.TaskUpdated, new RoezanTask { Id = "t_1", ContactId = "c_1", Title = "Newer" }, id: "evt_t6", at: T0), snapshot);

        Assert.Equal(PlanDisposition.Skip, older.Disposition);
        Assert.StartsWith("stale", older.Reason, StringComparison.Ordinal);
        Assert.Equal("Newer", Assert.IsType<UpdateTaskStep>(Assert.Single(newer.Steps)).Fields.Title);
    }

    [Fact]
    public void Task_completed_completes_the_linked_task()
    {
        var snapshot = Linked(AnaAsApplied) with { Task = LinkedTask };
        var plan = Plan(Task(RoezanEventTypes.TaskCompleted, new RoezanTask { Id = "t_1", ContactId = "c_1" }), snapshot);

        Assert.IsType<CompleteTaskStep>(Assert.Single(plan.Steps));
        Assert.True(plan.TaskState!.Completed);
        Assert.Equal("Call back", plan.TaskState.Title);
    }

    [Fact]
    public void Task_completed_twice_is_skipped_the_second_time()
    {
        var snapshot = Linked(AnaAsApplied) with { Task = LinkedTask with { Fields = LinkedTask.Fields with { Completed = true } } };
        var plan = Plan(Task(RoezanEventTypes.TaskCompleted, new RoezanTask { Id = "t_1", ContactId = "c_1" }), snapshot);

        Assert.Equal(PlanDisposition.Skip, plan.Disposition);
    }

    [Fact]
    public void Task_completed_whose_creation_never_applied_creates_it_completed()
    {
        var plan = Plan(Task(RoezanEventTypes.TaskCompleted, new RoezanTask { Id = "t_2", ContactId = "c_1", Title = "Send quote" }), Linked(AnaAsApplied));

        var create = Assert.IsType<CreateTaskStep>(Assert.Single(plan.Steps));
        Assert.True(create.Fields.Completed);
        Assert.Contains("not applied", create.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_updated_with_no_change_is_skipped()
    {
        var snapshot = Linked(AnaAsApplied) with { Task = LinkedTask };
        var plan = Plan(Task(RoezanEventTypes.TaskUpdated, new RoezanTask { Id = "t_1", ContactId = "c_1", Title = "Call back", Body = "" }), snapshot);

        Assert.Equal(PlanDisposition.Skip, plan.Disposition);
    }

    [Fact]
    public void Task_flow_off_skips_task_events()
    {
        var plan = Plan(Task(RoezanEventTypes.TaskCreated, new RoezanTask { Id = "t_1", ContactId = "c_1" }), Linked(AnaAsApplied), PlanningProfile.Default with { Flows = SyncFlows.All & ~SyncFlows.TaskSync });

        Assert.Equal(PlanDisposition.Skip, plan.Disposition);
    }

    [Fact]
    public void Task_event_without_task_id_is_invalid()
    {
        var plan = Plan(Task(RoezanEventTypes.TaskCreated, new RoezanTask { ContactId = "c_1" }), Linked(AnaAsApplied));

        Assert.Equal(PlanDisposition.Invalid, plan.Disposition);
        Assert.Contains("data.task.id", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Note_created_is_appended_with_the_event_reference()
    {
        var plan = Plan(Note("Asked about delivery"), Linked(AnaAsApplied));

        var note = Assert.IsType<CreateNoteStep>(Assert.Single(plan.Steps));
        Assert.Equal("Asked about delivery\n\nref: evt_n1", note.Body);
        Assert.Equal("ghl-1", plan.GhlContactId);
    }

    [Fact]
    public void Note_for_a_contact_not_linked_yet_waits_for_the_contact()
    {
        Assert.Equal(PlanDisposition.WaitForContact, Plan(Note("hi")).Disposition);
    }

    [Fact]
    public void Note_without_text_is_skipped()
    {
        Assert.Equal(PlanDisposition.Skip, Plan(Note("   "), Linked(AnaAsApplied)).Disposition);
    }

    [Fact]
    public void Event_of_an_unknown_type_is_invalid()
    {
        var plan = Plan(new RoezanEvent { Id = "evt_u", Type = "contact.deleted", OccurredAt = T0 });

        Assert.Equal(PlanDisposition.Invalid, plan.Disposition);
        Assert.Contains("contact.deleted", plan.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello\n\nref: evt_1", "evt_1", true)]
    [InlineData("hello\n\nref: evt_10", "evt_1", false)]
    [InlineData("ref: evt_1 and more", "evt_1", false)]
    [InlineData("hello\r\nref: evt_1\r\n", "evt_1", true)]
    [InlineData(null, "evt_1", false)]
    public void Reference_matches_only_a_whole_line(string? body, string reference, bool expected)
    {
        Assert.Equal(expected, GhlReference.IsIn(body, reference));
    }
}
