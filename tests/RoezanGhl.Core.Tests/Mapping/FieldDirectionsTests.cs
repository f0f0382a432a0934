using RoezanGhl.Core.Events;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;
using static RoezanGhl.TestSupport.Planning.PlanningEvents;

namespace RoezanGhl.Core.Tests.Mapping;

/// <summary>The mapping's per-field directions: what the validator says of them and how Roezan → GHL honours them.</summary>
public sealed class FieldDirectionsTests
{
    private static PlanningProfile With(Dictionary<string, string> directions, TagMode tagMode = TagMode.Additive)
    {
        var mapping = new AccountMapping { Directions = directions, TagMode = tagMode };
        return PlanningProfile.Default with { FieldMapping = new AccountContactFieldMapping(mapping), Directions = directions };
    }

    [Fact]
    public void Every_two_way_field_may_take_every_direction()
    {
        var directions = FieldDirections.Fields.Zip(FieldDirections.Values.Concat([FieldDirections.Both])).ToDictionary(pair => pair.First, pair => pair.Second);

        Assert.Empty(AccountMappingValidator.Validate(new AccountMapping { Directions = directions }));
    }

    [Fact]
    public void An_unknown_direction_is_refused_naming_the_field()
    {
        var problem = Assert.Single(AccountMappingValidator.Validate(new AccountMapping { Directions = new() { ["email"] = "GHL-only" } }));

        Assert.Equal("directions:email", problem.Path);
        Assert.Contains("both, roezan-to-ghl, ghl-to-roezan", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_direction_for_a_field_that_only_goes_to_ghl_is_refused()
    {
        var problem = Assert.Single(AccountMappingValidator.Validate(new AccountMapping { Directions = new() { ["companyName"] = FieldDirections.GhlToRoezan } }));

        Assert.Equal("directions:companyName", problem.Path);
    }

    [Fact]
    public void Roezan_to_ghl_does_not_write_a_field_that_flows_only_from_ghl()
    {
        var plan = Plan(
            Contact(RoezanEventTypes.ContactUpdated, Ana(c => { c.Email = "ana.new@example.com"; c.LastName = "Diaz-Lopez"; })),
            Linked(AnaAsApplied, T0.AddMinutes(-5)),
            With(new() { ["email"] = FieldDirections.GhlToRoezan }));

        var update = Assert.IsType<UpdateContactStep>(Assert.Single(plan.Steps));
        Assert.Equal("Diaz-Lopez", update.Fields.LastName);
        Assert.Null(update.Fields.Email);
        Assert.Equal("ana@example.com", plan.ContactState!.Email);
    }

    [Fact]
    public void A_new_contact_gets_no_tags_when_tags_flow_only_from_ghl()
    {
        var plan = Plan(Contact(RoezanEventTypes.ContactCreated, Ana()), profile: With(new() { ["tags"] = FieldDirections.GhlToRoezan }));

        var upsert = Assert.IsType<UpsertContactStep>(Assert.Single(plan.Steps));
        Assert.Equal("Ana", upsert.Fields.FirstName);
    }

    [Fact]
    public void Mirror_mode_removes_no_tag_when_tags_flow_only_from_ghl()
    {
        var both = Plan(Contact(RoezanEventTypes.ContactUpdated, Ana(c => c.Tags = [])), Linked(AnaAsApplied, T0.AddMinutes(-5)), With([], TagMode.Mirror));
        var fromGhl = Plan(Contact(RoezanEventTypes.ContactUpdated, Ana(c => c.Tags = [])), Linked(AnaAsApplied, T0.AddMinutes(-5)), With(new() { ["tags"] = FieldDirections.GhlToRoezan }, TagMode.Mirror));

        Assert.Contains(both.Steps, step => step is RemoveTagsStep);
        Assert.DoesNotContain(fromGhl.Steps, step => step is RemoveTagsStep);
    }

    [Fact]
    public void Roezan_to_ghl_fields_and_both_are_written_to_ghl()
    {
        var plan = Plan(
            Contact(RoezanEventTypes.ContactUpdated, Ana(c => c.FirstName = "Anna")),
            Linked(AnaAsApplied, T0.AddMinutes(-5)),
            With(new() { ["firstName"] = FieldDirections.RoezanToGhl, ["lastName"] = FieldDirections.Both }));

        Assert.Equal("Anna", Assert.IsType<UpdateContactStep>(Assert.Single(plan.Steps)).Fields.FirstName);
    }
}
