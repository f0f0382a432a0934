using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Core.Tests.Mapping;

/// <summary>A field's direction must name a field GHL → Roezan carries and that some Roezan field feeds (the reverse mapping writes it there).</summary>
public sealed class DirectionSourceValidationTests
{
    private static ConfigurationProblem SingleProblem(Dictionary<string, string> standardFields, string field) =>
        Assert.Single(AccountMappingValidator.Validate(new AccountMapping
        {
            StandardFields = new(standardFields, StringComparer.Ordinal),
            Directions = new(StringComparer.Ordinal) { [field] = FieldDirections.Both },
        }));

    [Fact]
    public void A_direction_for_a_ghl_field_that_no_roezan_field_feeds_is_refused_naming_the_field()
    {
        var problem = SingleProblem(new() { ["firstName"] = "none" }, "firstName");

        Assert.Equal("directions:firstName", problem.Path);
        Assert.Contains("no Roezan field that Roezan's API writes (firstName, lastName, email) feeds GHL's firstName", problem.Message, StringComparison.Ordinal);
        Assert.Contains("remove it or map one of them to firstName", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_direction_for_a_ghl_field_whose_roezan_field_went_elsewhere_is_refused()
    {
        var problem = SingleProblem(new() { ["lastName"] = "companyName" }, "lastName");

        Assert.Equal("directions:lastName", problem.Path);
    }

    [Fact]
    public void A_direction_for_a_ghl_field_fed_only_by_a_field_roezans_api_does_not_write_is_refused()
    {
        var problem = SingleProblem(new() { ["email"] = "none", ["name"] = "email" }, "email");

        Assert.Equal("directions:email", problem.Path);
    }

    [Fact]
    public void A_direction_for_tags_mapped_to_none_is_refused()
    {
        var problem = SingleProblem(new() { ["tags"] = "none" }, "tags");

        Assert.Equal("directions:tags", problem.Path);
        Assert.Contains("tags map to \"none\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directions_for_fields_fed_by_other_roezan_fields_are_accepted()
    {
        var mapping = new AccountMapping
        {
            StandardFields = new(StringComparer.Ordinal) { ["firstName"] = "lastName", ["lastName"] = "firstName", ["email"] = "none", ["companyName"] = "email" },
            Directions = new(StringComparer.Ordinal) { ["firstName"] = FieldDirections.GhlToRoezan, ["lastName"] = FieldDirections.RoezanToGhl, ["tags"] = FieldDirections.Both },
        };

        Assert.Empty(AccountMappingValidator.Validate(mapping));
    }

    [Fact]
    public void A_direction_that_is_already_refused_for_its_name_or_value_gets_one_problem_only()
    {
        var mapping = new AccountMapping
        {
            StandardFields = new(StringComparer.Ordinal) { ["email"] = "none" },
            Directions = new(StringComparer.Ordinal) { ["email"] = "sideways" },
        };

        var problem = Assert.Single(AccountMappingValidator.Validate(mapping));

        Assert.Contains("must be both, roezan-to-ghl, ghl-to-roezan", problem.Message, StringComparison.Ordinal);
    }
}
