using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Core.Tests.Mapping;

public sealed class ContactFieldMapperTests
{
    private static readonly MappableContact Ana = new()
    {
        FirstName = "Ana",
        LastName = "Diaz",
        Email = "ana@example.com",
        Phone = "+12015550123",
        CompanyName = "Diaz Bakery",
        City = "Newark",
        Tags = ["vip"],
        CustomFields = new Dictionary<string, string?> { ["plan"] = "gold" },
    };

    [Fact]
    public void Default_mapping_sends_every_filled_standard_field_under_its_own_name()
    {
        var contact = new MappableContact
        {
            FirstName = "Ana", LastName = "Diaz", Name = "Ana Diaz", Email = "ana@example.com", Phone = "+12015550123",
            CompanyName = "Diaz Bakery", Address1 = "1 Main St", City = "Newark", State = "NJ", PostalCode = "07102",
            Country = "US", Website = "https://example.com", Timezone = "America/New_York", DateOfBirth = "1990-04-01",
        };

        var mapped = ContactFieldMapper.Map(contact, new AccountMapping());

        Assert.Equal(
            ["firstName", "lastName", "name", "email", "phone", "companyName", "address1", "city", "state", "postalCode", "country", "website", "timezone", "dateOfBirth"],
            mapped.StandardFields.Keys.ToArray());
        Assert.Equal("07102", mapped.StandardFields["postalCode"]);
        Assert.Equal("1990-04-01", mapped.StandardFields["dateOfBirth"]);
    }

    [Fact]
    public void Update_with_empty_email_keeps_the_ghl_email()
    {
        var mapped = ContactFieldMapper.Map(Ana with { Email = "", LastName = "   ", City = null }, new AccountMapping());

        Assert.False(mapped.StandardFields.ContainsKey("email"));
        Assert.False(mapped.StandardFields.ContainsKey("lastName"));
        Assert.False(mapped.StandardFields.ContainsKey("city"));
        Assert.DoesNotContain(mapped.StandardFields.Values, string.IsNullOrWhiteSpace);
        Assert.Equal("Ana", mapped.StandardFields["firstName"]);
    }

    [Fact]
    public void Values_are_sent_trimmed()
    {
        var mapped = ContactFieldMapper.Map(Ana with { FirstName = "  Ana " }, new AccountMapping());

        Assert.Equal("Ana", mapped.StandardFields["firstName"]);
    }

    [Fact]
    public void A_field_mapped_to_none_is_not_sent()
    {
        var mapping = new AccountMapping { StandardFields = { ["email"] = "none" } };

        var mapped = ContactFieldMapper.Map(Ana, mapping);

        Assert.False(mapped.StandardFields.ContainsKey("email"));
        Assert.Equal("+12015550123", mapped.StandardFields["phone"]);
    }

    [Fact]
    public void A_field_mapped_to_another_ghl_field_goes_there()
    {
        var mapping = new AccountMapping { StandardFields = { ["companyName"] = "name" } };

        var mapped = ContactFieldMapper.Map(Ana, mapping);

        Assert.Equal("Diaz Bakery", mapped.StandardFields["name"]);
        Assert.False(mapped.StandardFields.ContainsKey("companyName"));
    }

    [Fact]
    public void When_two_roezan_fields_feed_one_ghl_field_the_first_with_a_value_wins()
    {
        var mapping = new AccountMapping { StandardFields = { ["companyName"] = "name" } };

        Assert.Equal("Ana Diaz", ContactFieldMapper.Map(Ana with { Name = "Ana Diaz" }, mapping).StandardFields["name"]);
        Assert.Equal("Diaz Bakery", ContactFieldMapper.Map(Ana with { Name = " " }, mapping).StandardFields["name"]);
    }

    [Fact]
    public void Source_is_the_account_default_when_the_contact_has_none()
    {
        Assert.Equal("Roezan SMS", ContactFieldMapper.Map(Ana, new AccountMapping()).Source);
        Assert.Equal("Spring promo", ContactFieldMapper.Map(Ana, new AccountMapping { Source = "Spring promo" }).Source);
        Assert.Null(ContactFieldMapper.Map(Ana, new AccountMapping { Source = "" }).Source);
    }

    [Fact]
    public void The_contacts_own_source_wins_over_the_default_and_is_never_a_standard_field()
    {
        var mapped = ContactFieldMapper.Map(Ana with { Source = "Website form" }, new AccountMapping());

        Assert.Equal("Website form", mapped.Source);
        Assert.False(mapped.StandardFields.ContainsKey("source"));
        Assert.Equal("Roezan SMS", ContactFieldMapper.Map(Ana with { Source = "Website form" }, new AccountMapping { StandardFields = { ["source"] = "none" } }).Source);
    }

    [Fact]
    public void A_roezan_field_mapped_to_source_feeds_the_source()
    {
        var mapping = new AccountMapping { StandardFields = { ["website"] = "source" } };

        var mapped = ContactFieldMapper.Map(Ana with { Website = "landing-page-3" }, mapping);

        Assert.Equal("landing-page-3", mapped.Source);
        Assert.False(mapped.StandardFields.ContainsKey("website"));
    }

    [Fact]
    public void Custom_fields_map_by_id_or_by_key()
    {
        var mapping = new AccountMapping
        {
            CustomFields =
            {
                ["plan"] = new GhlCustomFieldTarget { Key = "contact.plan" },
                ["tier"] = new GhlCustomFieldTarget { Id = "6dvNaf7VhkQ9snc5vnjJ" },
            },
        };
        var contact = Ana with { CustomFields = new Dictionary<string, string?> { ["tier"] = "2", ["plan"] = " gold " } };

        var mapped = ContactFieldMapper.Map(contact, mapping);

        Assert.Equal([new MappedCustomField(null, "contact.plan", "gold"), new MappedCustomField("6dvNaf7VhkQ9snc5vnjJ", null, "2")], mapped.CustomFields);
        Assert.Empty(mapped.UnmappedCustomFields);
    }

    [Fact]
    public void An_unmapped_custom_field_is_not_sent_and_is_reported()
    {
        var mapping = new AccountMapping { CustomFields = { ["plan"] = new GhlCustomFieldTarget { Key = "contact.plan" } } };
        var contact = Ana with { CustomFields = new Dictionary<string, string?> { ["plan"] = "gold", ["shoe_size"] = "9" } };

        var mapped = ContactFieldMapper.Map(contact, mapping);

        Assert.Equal([new MappedCustomField(null, "contact.plan", "gold")], mapped.CustomFields);
        Assert.Equal(["shoe_size"], mapped.UnmappedCustomFields);
        Assert.Empty(ContactFieldMapper.Map(contact, new AccountMapping()).CustomFields);
    }

    [Fact]
    public void A_blank_custom_field_value_is_never_sent()
    {
        var mapping = new AccountMapping { CustomFields = { ["plan"] = new GhlCustomFieldTarget { Key = "contact.plan" } } };

        var mapped = ContactFieldMapper.Map(Ana with { CustomFields = new Dictionary<string, string?> { ["plan"] = " ", ["other"] = null } }, mapping);

        Assert.Empty(mapped.CustomFields);
        Assert.Empty(mapped.UnmappedCustomFields);
    }

    [Fact]
    public void Custom_field_names_match_whatever_their_case()
    {
        var mapping = new AccountMapping { CustomFields = { ["Plan"] = new GhlCustomFieldTarget { Key = "contact.plan" } } };

        var mapped = ContactFieldMapper.Map(Ana, mapping);

        Assert.Equal([new MappedCustomField(null, "contact.plan", "gold")], mapped.CustomFields);
    }

    [Fact]
    public void Tags_get_the_prefix_once_and_blank_or_repeated_tags_are_dropped()
    {
        var mapping = new AccountMapping { TagPrefix = "roezan:" };

        var mapped = ContactFieldMapper.Map(Ana with { Tags = ["vip", " ", "VIP", "roezan:promo", "new lead "] }, mapping);

        Assert.Equal(["roezan:vip", "roezan:promo", "roezan:new lead"], mapped.TagsToAdd);
        Assert.Empty(mapped.TagsToRemove);
    }

    [Fact]
    public void Additive_mode_adds_what_ghl_lacks_and_never_removes()
    {
        var mapped = ContactFieldMapper.Map(Ana with { Tags = ["vip", "promo"] }, new AccountMapping(), currentGhlTags: ["VIP", "walk-in"]);

        Assert.Equal(["promo"], mapped.TagsToAdd);
        Assert.Empty(mapped.TagsToRemove);
    }

    [Fact]
    public void Mirror_mode_with_a_prefix_removes_only_prefixed_tags_that_roezan_no_longer_has()
    {
        var mapping = new AccountMapping { TagPrefix = "roezan:", TagMode = TagMode.Mirror };

        var mapped = ContactFieldMapper.Map(Ana with { Tags = ["vip"] }, mapping, currentGhlTags: ["roezan:vip", "roezan:old-promo", "walk-in"]);

        Assert.Empty(mapped.TagsToAdd);
        Assert.Equal(["roezan:old-promo"], mapped.TagsToRemove);
    }

    [Fact]
    public void Mirror_mode_without_a_prefix_removes_every_tag_roezan_does_not_have()
    {
        var mapping = new AccountMapping { TagMode = TagMode.Mirror };

        var mapped = ContactFieldMapper.Map(Ana with { Tags = ["vip", "promo"] }, mapping, currentGhlTags: ["vip", "walk-in", "Walk-In"]);

        Assert.Equal(["promo"], mapped.TagsToAdd);
        Assert.Equal(["walk-in"], mapped.TagsToRemove);
    }

    [Fact]
    public void Mirror_mode_with_an_empty_tag_list_removes_the_owned_tags()
    {
        var mapping = new AccountMapping { TagPrefix = "roezan:", TagMode = TagMode.Mirror };

        var mapped = ContactFieldMapper.Map(Ana with { Tags = [] }, mapping, currentGhlTags: ["roezan:vip", "walk-in"]);

        Assert.Equal(["roezan:vip"], mapped.TagsToRemove);
    }

    [Fact]
    public void Mirror_mode_removes_nothing_when_the_current_ghl_tags_are_unknown()
    {
        var mapping = new AccountMapping { TagMode = TagMode.Mirror };

        var mapped = ContactFieldMapper.Map(Ana, mapping, currentGhlTags: null);

        Assert.Equal(["vip"], mapped.TagsToAdd);
        Assert.Empty(mapped.TagsToRemove);
    }

    [Fact]
    public void Tags_are_left_alone_when_roezan_sent_no_list_or_tags_are_mapped_to_none()
    {
        var mirror = new AccountMapping { TagMode = TagMode.Mirror };

        var notSent = ContactFieldMapper.Map(Ana with { Tags = null }, mirror, currentGhlTags: ["walk-in"]);
        var turnedOff = ContactFieldMapper.Map(Ana, new AccountMapping { TagMode = TagMode.Mirror, StandardFields = { ["tags"] = "none" } }, currentGhlTags: ["walk-in"]);

        Assert.Empty(notSent.TagsToAdd);
        Assert.Empty(notSent.TagsToRemove);
        Assert.Empty(turnedOff.TagsToAdd);
        Assert.Empty(turnedOff.TagsToRemove);
    }

    [Fact]
    public void The_same_input_always_maps_to_the_same_output()
    {
        var mapping = new AccountMapping { CustomFields = { ["b"] = new GhlCustomFieldTarget { Key = "b" }, ["a"] = new GhlCustomFieldTarget { Key = "a" } } };
        var contact = Ana with { CustomFields = new Dictionary<string, string?> { ["b"] = "2", ["a"] = "1" } };

        var first = ContactFieldMapper.Map(contact, mapping);
        var second = ContactFieldMapper.Map(contact, mapping);

        Assert.Equal(first.CustomFields, second.CustomFields);
        Assert.Equal(["a", "b"], first.CustomFields.Select(f => f.Key));
        Assert.Equal(first.StandardFields, second.StandardFields);
    }

    [Fact]
    public void The_sources_of_a_ghl_field_are_the_roezan_fields_the_mapping_sends_to_it()
    {
        var mapping = new AccountMapping { StandardFields = new(StringComparer.Ordinal) { ["firstName"] = "lastName", ["lastName"] = "firstName", ["email"] = AccountMapping.NotMapped, ["phone"] = "firstName" } };

        Assert.Equal(["lastName", "phone"], ContactFieldMapper.SourcesOf(mapping, "firstName"));
        Assert.Equal(["firstName"], ContactFieldMapper.SourcesOf(mapping, "lastName"));
        Assert.Empty(ContactFieldMapper.SourcesOf(mapping, "email"));
        Assert.Equal(["email"], ContactFieldMapper.SourcesOf(new AccountMapping(), "email"));
    }
}
