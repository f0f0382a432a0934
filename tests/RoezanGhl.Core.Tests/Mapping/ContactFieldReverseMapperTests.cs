using RoezanGhl.Core.Events;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.Core.Tests.Mapping;

public sealed class ContactFieldReverseMapperTests
{
    private const string OptOut = "sms-opt-out";

    private static readonly ContactFields Gina = new()
    {
        FirstName = "Gina",
        LastName = "Lopez",
        Email = "gina@example.com",
        Phone = "+12015550123",
        Tags = ["roezan:vip", "hot-lead", "ROEZAN:new"],
    };

    private static AccountMapping Swapped(string? prefix = null) => new()
    {
        StandardFields = new(StringComparer.Ordinal) { ["firstName"] = "lastName", ["lastName"] = "firstName" },
        TagPrefix = prefix,
    };

    [Fact]
    public void The_default_mapping_sends_names_email_phone_and_every_tag_back_to_the_same_fields()
    {
        var roezan = ContactFieldReverseMapper.ToRoezan(Gina, new AccountMapping(), OptOut);

        Assert.Equal(("Gina", "Lopez", "gina@example.com", "+12015550123"), (roezan.FirstName, roezan.LastName, roezan.Email, roezan.Phone));
        Assert.Equal(["roezan:vip", "hot-lead", "ROEZAN:new"], roezan.Tags);
    }

    [Fact]
    public void A_swapped_name_mapping_writes_ghls_first_name_to_roezans_last_name_and_back()
    {
        var roezan = ContactFieldReverseMapper.ToRoezan(Gina, Swapped(), OptOut);

        Assert.Equal(("Lopez", "Gina"), (roezan.FirstName, roezan.LastName));
        var again = ContactFieldReverseMapper.ToGhl(roezan, Swapped());
        Assert.Equal(("Gina", "Lopez", "gina@example.com"), (again.FirstName, again.LastName, again.Email));
    }

    [Fact]
    public void A_ghl_field_that_no_roezan_field_feeds_is_not_written_to_roezan()
    {
        // Roezan's last name goes to GHL's company and its email nowhere: GHL's last name and email have no Roezan source.
        var mapping = new AccountMapping { StandardFields = new(StringComparer.Ordinal) { ["lastName"] = "companyName", ["email"] = "none" } };

        var roezan = ContactFieldReverseMapper.ToRoezan(Gina, mapping, OptOut);

        Assert.Equal(("Gina", null, null), (roezan.FirstName, roezan.LastName, roezan.Email));
        Assert.Null(ContactFieldReverseMapper.RoezanFieldFor(mapping, "lastName"));
        Assert.Null(ContactFieldReverseMapper.RoezanFieldFor(mapping, "email"));
    }

    [Fact]
    public void A_ghl_field_fed_by_a_field_roezans_api_does_not_write_is_not_written_to_roezan()
    {
        // Roezan's "name" would feed GHL's first name, but Roezan's API has no such field; its first name goes nowhere.
        var mapping = new AccountMapping { StandardFields = new(StringComparer.Ordinal) { ["firstName"] = "none", ["name"] = "firstName" } };

        Assert.Null(ContactFieldReverseMapper.ToRoezan(Gina, mapping, OptOut).FirstName);
    }

    [Fact]
    public void A_ghl_field_fed_by_several_roezan_fields_goes_to_the_first_the_forward_mapping_reads()
    {
        // Roezan's first and last names both feed GHL's first name; forward, the first name wins when it has a value.
        var mapping = new AccountMapping { StandardFields = new(StringComparer.Ordinal) { ["lastName"] = "firstName" } };
        var roezanBefore = new RoezanContactValues { FirstName = "Old", LastName = "Keeps" };

        var written = ContactFieldReverseMapper.ToRoezan(Gina, mapping, OptOut);
        var after = roezanBefore with { FirstName = written.FirstName ?? roezanBefore.FirstName, LastName = written.LastName ?? roezanBefore.LastName };

        Assert.Equal(("Gina", null), (written.FirstName, written.LastName));
        Assert.Equal("Gina", ContactFieldReverseMapper.ToGhl(after, mapping).FirstName);
    }

    [Fact]
    public void With_a_tag_prefix_only_prefixed_ghl_tags_go_back_without_the_prefix()
    {
        var roezan = ContactFieldReverseMapper.ToRoezan(Gina, Swapped("roezan:"), OptOut);

        Assert.Equal(["vip", "new"], roezan.Tags);
        Assert.Equal(["roezan:vip", "roezan:new"], ContactFieldReverseMapper.ToGhl(roezan, Swapped("roezan:")).Tags);
    }

    [Fact]
    public void The_opt_out_tag_always_goes_back_as_roezans_opt_out_tag_even_with_a_prefix_or_tags_mapped_to_none()
    {
        var optedOut = Gina with { Tags = [.. Gina.Tags, "SMS-Opt-Out"] };
        var noTags = new AccountMapping { StandardFields = new(StringComparer.Ordinal) { ["tags"] = "none" }, TagPrefix = "roezan:" };

        Assert.Equal(["vip", "new", OptOut], ContactFieldReverseMapper.ToRoezan(optedOut, Swapped("roezan:"), OptOut).Tags);
        Assert.Equal([OptOut], ContactFieldReverseMapper.ToRoezan(optedOut, noTags, OptOut).Tags);
        Assert.False(ContactFieldReverseMapper.TagsGoBack(noTags));
    }

    [Fact]
    public void Tags_mapped_to_none_send_no_tag_back()
    {
        var noTags = new AccountMapping { StandardFields = new(StringComparer.Ordinal) { ["tags"] = "none" } };

        var roezan = ContactFieldReverseMapper.ToRoezan(Gina, noTags, OptOut);

        Assert.Empty(roezan.Tags);
        Assert.False(roezan.WritesNothing);
    }

    [Fact]
    public void Blank_ghl_values_are_never_written_and_a_write_of_nothing_says_so()
    {
        var blank = new ContactFields { FirstName = "  ", Email = "", Phone = "+12015550123", Tags = [" ", "hot-lead"] };

        var roezan = ContactFieldReverseMapper.ToRoezan(blank, new AccountMapping { TagPrefix = "roezan:" }, OptOut);

        Assert.Equal((null, null, null, "+12015550123"), (roezan.FirstName, roezan.LastName, roezan.Email, roezan.Phone));
        Assert.True(roezan.WritesNothing);
    }

    [Fact]
    public void The_forward_terms_of_a_roezan_contact_ignore_field_directions_and_lower_case_the_email()
    {
        var mapping = Swapped("roezan:");
        mapping.Directions["firstName"] = FieldDirections.GhlToRoezan;
        var contact = new RoezanContact { FirstName = "Lopez", LastName = "Gina", Email = "Gina@Example.com", Phone = "+12015550123", Tags = ["vip"] };

        var ghl = ContactFieldReverseMapper.ToGhl(RoezanContactValues.From(contact), mapping);

        Assert.Equal(("Gina", "Lopez", "gina@example.com", "+12015550123"), (ghl.FirstName, ghl.LastName, ghl.Email, ghl.Phone));
        Assert.Equal(["roezan:vip"], ghl.Tags);
    }

    [Fact]
    public void Any_planner_mapping_but_an_account_one_reverses_as_the_default_mapping()
    {
        var account = Swapped();

        Assert.Same(account, ContactFieldReverseMapper.MappingOf(new AccountContactFieldMapping(account)));
        Assert.Empty(ContactFieldReverseMapper.MappingOf(IdentityContactFieldMapping.Instance).StandardFields);
    }
}
