using RoezanGhl.Core.Coalescing;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;
using static RoezanGhl.TestSupport.Planning.PlanningEvents;

namespace RoezanGhl.Core.Tests.Planning;

/// <summary>Roezan → GHL: each name and email judged by its own change time (FieldChangeTimes), not the contact's newest.</summary>
public sealed class PerFieldChangeTimeTests
{
    [Fact]
    public void A_coalesced_change_does_not_overwrite_a_field_ghl_changed_after_that_fields_own_roezan_change()
    {
        // GHL set the first name at T0+2; Roezan set it at T0+1 and the last name at T0+3, merged into one change at T0+3.
        var linked = Linked(AnaAsApplied with { FirstName = "Gina" }, T0.AddMinutes(2));
        linked = linked with { Contact = linked.Contact! with { FieldChanges = new Dictionary<string, FieldChange> { ["firstName"] = new(T0.AddMinutes(2), SyncSystem.Ghl) } } };
        var merged = ContactChangeMerger.Merge(
            Change("evt_1", T0.AddMinutes(3), new RoezanContact { Id = "c_1", LastName = "Ruiz" }),
            [Change("evt_2", T0.AddMinutes(1), new RoezanContact { Id = "c_1", FirstName = "Old" })],
            tagsAreWholeSet: false);

        var plan = Plan(merged, linked);

        var update = Assert.IsType<UpdateContactStep>(Assert.Single(plan.Steps));
        Assert.Equal("Ruiz", update.Fields.LastName);
        Assert.Null(update.Fields.FirstName);
        Assert.Equal(("Gina", "Ruiz"), (plan.ContactState!.FirstName, plan.ContactState.LastName));
        Assert.Equal(new FieldChange(T0.AddMinutes(2), SyncSystem.Ghl), plan.ContactStateFieldChanges!["firstName"]);
        Assert.Equal(new FieldChange(T0.AddMinutes(3), SyncSystem.Roezan), plan.ContactStateFieldChanges["lastName"]);
    }

    [Fact]
    public void A_stale_change_still_writes_a_field_whose_own_last_change_is_older_but_not_one_changed_since()
    {
        // The contact's last change (T0+2) was GHL's last name; the first name last changed at T0-5.
        var linked = Linked(AnaAsApplied with { LastName = "Ruiz" }, T0.AddMinutes(2));
        linked = linked with
        {
            Contact = linked.Contact! with
            {
                FieldChanges = new Dictionary<string, FieldChange>
                {
                    ["lastName"] = new(T0.AddMinutes(2), SyncSystem.Ghl),
                    ["firstName"] = new(T0.AddMinutes(-5), SyncSystem.Roezan),
                },
            },
        };

        var plan = Plan(Contact(RoezanEventTypes.ContactUpdated, Ana(c => { c.FirstName = "Anna"; c.LastName = "Older"; }), at: T0.AddMinutes(1)), linked);

        var update = Assert.IsType<UpdateContactStep>(Assert.Single(plan.Steps));
        Assert.Equal("Anna", update.Fields.FirstName);
        Assert.Null(update.Fields.LastName);
        Assert.StartsWith("stale", plan.Reason, StringComparison.Ordinal);
        Assert.Equal(("Anna", "Ruiz"), (plan.ContactState!.FirstName, plan.ContactState.LastName));
        Assert.Equal(T0.AddMinutes(2), plan.ContactStateOccurredAt);
        Assert.Equal(new FieldChange(T0.AddMinutes(1), SyncSystem.Roezan), plan.ContactStateFieldChanges!["firstName"]);
        Assert.Equal(new FieldChange(T0.AddMinutes(2), SyncSystem.Ghl), plan.ContactStateFieldChanges["lastName"]);
    }

    [Fact]
    public void A_link_recorded_before_per_field_times_judges_every_field_by_the_contact_time()
    {
        var plan = Plan(Contact(RoezanEventTypes.ContactUpdated, Ana(c => c.FirstName = "Anna"), at: T0.AddMinutes(1)), Linked(AnaAsApplied, T0.AddMinutes(2)));

        Assert.Equal(PlanDisposition.Skip, plan.Disposition);
        Assert.StartsWith("stale", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_applied_change_records_each_written_field_at_its_own_time()
    {
        var plan = Plan(Contact(RoezanEventTypes.ContactUpdated, Ana(c => c.Email = "ana.new@example.com"), at: T0.AddMinutes(1)), Linked(AnaAsApplied, T0));

        Assert.Equal(new FieldChange(T0.AddMinutes(1), SyncSystem.Roezan), Assert.Single(plan.ContactStateFieldChanges!).Value);
        Assert.Equal("email", plan.ContactStateFieldChanges!.Keys.Single());
    }

    private static ContactChange Change(string id, DateTimeOffset at, RoezanContact contact) =>
        new(new RoezanEvent { Id = id, Type = RoezanEventTypes.ContactUpdated, OccurredAt = at, AccountId = "acct-1", Data = new RoezanEventData { Contact = contact } }, at);
}
