using RoezanGhl.Core.Coalescing;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;
using static RoezanGhl.TestSupport.Planning.PlanningEvents;

namespace RoezanGhl.Core.Tests.Planning;

/// <summary>
/// Under a custom field mapping a coalesced Roezan change's times are keyed by Roezan's field names, the link's by GHL's:
/// each GHL field is judged by the time of the Roezan field that feeds it, and recorded under its own (GHL) name.
/// </summary>
public sealed class MappedFieldsAreJudgedByTheTimeOfTheRoezanFieldThatFeedsThem
{
    [Fact]
    public void Swapped_names_are_judged_by_the_time_of_the_roezan_field_that_feeds_each()
    {
        // Roezan's first name feeds GHL's last name and the other way round. GHL set its last name at T0+2; Roezan set
        // its first name (GHL's last) at T0+1 and its last name (GHL's first) at T0+3, merged into one change at T0+3.
        var profile = Profile(new Dictionary<string, string> { ["firstName"] = "lastName", ["lastName"] = "firstName" });
        var linked = LinkedWithGhlChange(new ContactFields { FirstName = "Diaz", LastName = "Gina", Phone = "+12015550123" }, "lastName");
        var merged = Merge(
            Change("evt_1", T0.AddMinutes(3), new RoezanContact { Id = "c_1", LastName = "Ruiz" }),
            Change("evt_2", T0.AddMinutes(1), new RoezanContact { Id = "c_1", FirstName = "Old" }));

        var plan = Plan(merged, linked, profile);

        var update = Assert.IsType<UpdateContactStep>(Assert.Single(plan.Steps));
        Assert.Equal("Ruiz", update.Fields.FirstName);
        Assert.Null(update.Fields.LastName);
        Assert.Equal(("Ruiz", "Gina"), (plan.ContactState!.FirstName, plan.ContactState.LastName));
        Assert.Equal(new FieldChange(T0.AddMinutes(3), SyncSystem.Roezan), plan.ContactStateFieldChanges!["firstName"]);
        Assert.Equal(new FieldChange(T0.AddMinutes(2), SyncSystem.Ghl), plan.ContactStateFieldChanges["lastName"]);
    }

    [Fact]
    public void A_renamed_field_is_recorded_under_the_ghl_name_at_the_time_of_its_roezan_source()
    {
        // Roezan's last name feeds GHL's first name (Roezan's first name is not sent): a new contact records GHL's
        // first name at the time Roezan's last name changed, not at the time of Roezan's unsent first name.
        var profile = Profile(new Dictionary<string, string> { ["firstName"] = AccountMapping.NotMapped, ["lastName"] = "firstName" });
        var merged = Merge(
            Change("evt_1", T0.AddMinutes(3), new RoezanContact { Id = "c_1", FirstName = "Ana", Phone = "+12015550123" }),
            Change("evt_2", T0.AddMinutes(1), new RoezanContact { Id = "c_1", LastName = "Diaz" }));

        var plan = Plan(merged, SyncSnapshot.Empty, profile);

        Assert.Equal("Diaz", plan.ContactState!.FirstName);
        Assert.Null(plan.ContactState.LastName);
        Assert.Equal(new FieldChange(T0.AddMinutes(1), SyncSystem.Roezan), Assert.Single(plan.ContactStateFieldChanges!, pair => pair.Key == "firstName").Value);
        Assert.DoesNotContain("lastName", plan.ContactStateFieldChanges!.Keys);
    }

    [Fact]
    public void A_ghl_name_fed_by_a_roezan_field_without_its_own_time_is_judged_by_the_change_time()
    {
        // GHL's first name is fed by Roezan's phone, which carries no per-field time: it takes the change's time (T0+3),
        // not that of Roezan's unsent first name (T0+1, older than GHL's own first-name change at T0+2).
        var profile = Profile(new Dictionary<string, string> { ["firstName"] = AccountMapping.NotMapped, ["phone"] = "firstName" });
        var linked = LinkedWithGhlChange(new ContactFields { FirstName = "Gina", LastName = "Diaz" }, "firstName");
        var merged = Merge(
            Change("evt_1", T0.AddMinutes(3), new RoezanContact { Id = "c_1", Phone = "+12015550199" }),
            Change("evt_2", T0.AddMinutes(1), new RoezanContact { Id = "c_1", FirstName = "Old" }));

        var plan = Plan(merged, linked, profile);

        var update = Assert.IsType<UpdateContactStep>(Assert.Single(plan.Steps));
        Assert.Equal("+12015550199", update.Fields.FirstName);
        Assert.Equal(new FieldChange(T0.AddMinutes(3), SyncSystem.Roezan), plan.ContactStateFieldChanges!["firstName"]);
    }

    [Fact]
    public void A_ghl_name_fed_by_two_roezan_fields_takes_the_newer_of_their_times()
    {
        // Roezan's first and last name both feed GHL's first name (the first with a value wins): it is judged by the newer time.
        var profile = Profile(new Dictionary<string, string> { ["lastName"] = "firstName" });
        var merged = Merge(
            Change("evt_1", T0.AddMinutes(3), new RoezanContact { Id = "c_1", Email = "ana@example.com" }),
            Change("evt_2", T0.AddMinutes(1), new RoezanContact { Id = "c_1", FirstName = "Ana" }),
            Change("evt_3", T0.AddMinutes(2), new RoezanContact { Id = "c_1", LastName = "Diaz" }));

        var plan = Plan(merged, SyncSnapshot.Empty, profile);

        Assert.Equal("Ana", plan.ContactState!.FirstName);
        Assert.Equal(new FieldChange(T0.AddMinutes(2), SyncSystem.Roezan), plan.ContactStateFieldChanges!["firstName"]);
        Assert.Equal(new FieldChange(T0.AddMinutes(3), SyncSystem.Roezan), plan.ContactStateFieldChanges["email"]);
    }

    private static PlanningProfile Profile(Dictionary<string, string> standardFields) =>
        PlanningProfile.Default with { FieldMapping = new AccountContactFieldMapping(new AccountMapping { StandardFields = standardFields, Source = string.Empty }) };

    // A linked contact whose GHL field named changed in GHL at T0+2, the contact's last change.
    private static SyncSnapshot LinkedWithGhlChange(ContactFields fields, string ghlField)
    {
        var linked = Linked(fields, T0.AddMinutes(2));
        return linked with { Contact = linked.Contact! with { FieldChanges = new Dictionary<string, FieldChange> { [ghlField] = new(T0.AddMinutes(2), SyncSystem.Ghl) } } };
    }

    private static RoezanEvent Merge(ContactChange survivor, params ContactChange[] absorbed) =>
        ContactChangeMerger.Merge(survivor, absorbed, tagsAreWholeSet: false);

    private static ContactChange Change(string id, DateTimeOffset at, RoezanContact contact) =>
        new(new RoezanEvent { Id = id, Type = RoezanEventTypes.ContactUpdated, OccurredAt = at, AccountId = "acct-1", Data = new RoezanEventData { Contact = contact } }, at);
}
