using System.Text.Json;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Reconciliation;
using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Engine.Tests.Reconciliation;

public class ContactDriftTests
{
    private static readonly ContactFields State = new()
    {
        FirstName = "Ana",
        LastName = "Diaz",
        Email = "ana@example.com",
        Phone = "+12015550123",
        Tags = ["vip", "lead"],
        CustomFields = new Dictionary<string, string> { ["cf_plan"] = "gold" },
    };

    private static GhlContact Ghl(Action<GhlContact>? change = null)
    {
        var contact = new GhlContact
        {
            Id = "g1",
            FirstName = "Ana",
            LastName = "Diaz",
            Email = "ana@example.com",
            Phone = "+12015550123",
            Tags = ["vip", "lead"],
            CustomFields = [new GhlCustomField { Id = "cf_plan", Value = JsonSerializer.SerializeToElement("gold") }],
        };
        change?.Invoke(contact);
        return contact;
    }

    [Fact]
    public void A_contact_that_holds_the_last_state_has_no_drift()
    {
        Assert.True(ContactDrift.Between(State, Ghl()).IsEmpty);
    }

    [Fact]
    public void A_name_changed_in_ghl_is_drift_and_the_state_value_is_what_is_written_back()
    {
        var drift = ContactDrift.Between(State, Ghl(c => c.FirstName = "Anna"));

        Assert.Equal("Ana", drift.Changed.FirstName);
        Assert.Null(drift.Changed.LastName);
        Assert.Equal("firstName", drift.Describe());
    }

    [Fact]
    public void An_email_cleared_in_ghl_is_drift()
    {
        var drift = ContactDrift.Between(State, Ghl(c => c.Email = null));

        Assert.Equal("ana@example.com", drift.Changed.Email);
    }

    [Fact]
    public void Email_case_and_phone_formatting_are_not_drift()
    {
        var drift = ContactDrift.Between(State, Ghl(c =>
        {
            c.Email = "ANA@Example.com";
            c.Phone = "+1 (201) 555-0123";
        }));

        Assert.True(drift.IsEmpty);
    }

    [Fact]
    public void A_different_phone_number_is_drift()
    {
        Assert.Equal("+12015550123", ContactDrift.Between(State, Ghl(c => c.Phone = "+12015550999")).Changed.Phone);
    }

    [Fact]
    public void Fields_the_state_leaves_empty_are_not_the_syncs_to_judge()
    {
        var drift = ContactDrift.Between(State with { LastName = null, Email = null }, Ghl(c =>
        {
            c.LastName = "Changed by hand";
            c.Email = null;
        }));

        Assert.True(drift.IsEmpty);
    }

    [Fact]
    public void A_removed_tag_is_drift_and_a_tag_added_in_ghl_is_not()
    {
        var drift = ContactDrift.Between(State, Ghl(c => c.Tags = ["VIP", "added-by-hand"]));

        Assert.Equal(["lead"], drift.MissingTags);
        Assert.True(drift.Changed.IsEmpty);
        Assert.Equal("missing tags[1]", drift.Describe());
    }

    [Fact]
    public void A_custom_field_changed_or_removed_in_ghl_is_drift()
    {
        var changed = ContactDrift.Between(State, Ghl(c => c.CustomFields = [new GhlCustomField { Id = "cf_plan", Value = JsonSerializer.SerializeToElement("silver") }]));
        var removed = ContactDrift.Between(State, Ghl(c => c.CustomFields = []));

        Assert.Equal("gold", changed.Changed.CustomFields["cf_plan"]);
        Assert.Equal("gold", removed.Changed.CustomFields["cf_plan"]);
        Assert.Equal("customField:cf_plan", removed.Describe());
    }

    [Fact]
    public void A_numeric_custom_field_compares_by_its_text()
    {
        var state = State with { CustomFields = new Dictionary<string, string> { ["cf_seats"] = "12" } };

        Assert.True(ContactDrift.Between(state, Ghl(c => c.CustomFields = [new GhlCustomField { Id = "cf_seats", Value = JsonSerializer.SerializeToElement(12) }])).IsEmpty);
    }

    [Fact]
    public void A_mapped_standard_field_changed_in_ghl_is_drift_and_company_name_is_left_alone()
    {
        var state = State with { StandardFields = new Dictionary<string, string> { ["city"] = "Newark", ["source"] = "roezan", ["companyName"] = "Acme" } };

        var drift = ContactDrift.Between(state, Ghl(c =>
        {
            c.City = "Hoboken";
            c.Source = "roezan";
            c.CompanyName = "Someone else";
        }));

        Assert.Equal(new Dictionary<string, string> { ["city"] = "Newark" }, drift.Changed.StandardFields);
    }

    [Fact]
    public void A_date_of_birth_ghl_answers_as_a_timestamp_of_the_same_day_is_not_drift()
    {
        var state = State with { StandardFields = new Dictionary<string, string> { ["dateOfBirth"] = "1990-04-01" } };

        Assert.True(ContactDrift.Between(state, Ghl(c => c.DateOfBirth = "1990-04-01T00:00:00.000Z")).IsEmpty);
        Assert.False(ContactDrift.Between(state, Ghl(c => c.DateOfBirth = "1991-04-01")).IsEmpty);
    }

    [Fact]
    public void Custom_fields_mapped_by_key_are_not_compared_because_ghl_answers_with_ids()
    {
        var state = State with { CustomFieldsByKey = new Dictionary<string, string> { ["contact.plan"] = "gold" } };

        Assert.True(ContactDrift.Between(state, Ghl()).IsEmpty);
    }
}
