using System.Text;
using RoezanGhl.Core.GhlWebhooks;

namespace RoezanGhl.Core.Tests.GhlWebhooks;

public class GhlWebhookValidatorTests
{
    private const string Delivery = """ "webhookId":"w","timestamp":"2026-11-24T10:00:00Z","locationId":"l" """;

    private static IReadOnlyList<GhlFieldError> Errors(string body)
    {
        Assert.True(GhlWebhookParser.TryParse(Encoding.UTF8.GetBytes(body), out var evt, out var rejection), rejection?.ToString());
        return GhlWebhookValidator.Validate(evt);
    }

    private static IEnumerable<string> Fields(string body) => Errors(body).Select(e => e.Field);

    private static string Contact(string members) => $$"""{ {{Delivery}},"type":"ContactUpdate","id":"c"{{members}} }""";

    private static string Repeat(string value, int count) => string.Concat(Enumerable.Repeat(value, count));

    private static string StringArray(int count, string item) => "[" + string.Join(",", Enumerable.Repeat($"\"{item}\"", count)) + "]";

    [Fact]
    public void A_valid_contact_event_has_no_errors()
    {
        const string members = """
            ,"firstName":"Ada","email":"ada@example.com","phone":"+12015550123","tags":["a",""],"dnd":false,
            "dndSettings":{"SMS":{"status":"active","code":"101"}},
            "customFields":[{"id":"f1","value":"x"},{"id":"f2","value":3},{"id":"f3","value":["a"]},{"id":"f4","value":{"url":"u"}},{"id":"f5"}]
            """;

        Assert.Empty(Errors(Contact(members)));
    }

    [Fact]
    public void Every_missing_member_is_named_at_once()
    {
        Assert.Equal(["/webhookId", "/timestamp", "/locationId", "/id"], Fields("""{"type":"ContactUpdate"}"""));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    [InlineData("null")]
    public void A_blank_or_null_id_is_missing(string id)
    {
        Assert.Equal(new GhlFieldError("/id", "is required"), Assert.Single(Errors($$"""{ {{Delivery}},"type":"ContactDelete","id":{{id}} }""")));
    }

    [Fact]
    public void Lengths_count_code_points_so_emoji_count_once()
    {
        Assert.Empty(Errors(Contact($""","firstName":"{Repeat("😀", GhlContractLimits.NameLength)}" """)));

        Assert.Equal(
            new GhlFieldError("/firstName", $"must be at most {GhlContractLimits.NameLength} characters"),
            Assert.Single(Errors(Contact($""","firstName":"{Repeat("😀", GhlContractLimits.NameLength + 1)}" """))));
    }

    [Theory]
    [InlineData("lastName", GhlContractLimits.NameLength)]
    [InlineData("name", GhlContractLimits.NameLength)]
    [InlineData("email", GhlContractLimits.EmailLength)]
    [InlineData("phone", GhlContractLimits.PhoneLength)]
    public void A_contact_member_over_its_limit_is_named(string member, int limit)
    {
        Assert.Equal(["/" + member], Fields(Contact($""","{member}":"{new string('x', limit + 1)}" """)));
        Assert.Empty(Errors(Contact($""","{member}":"{new string('x', limit)}" """)));
    }

    [Fact]
    public void Tags_are_bounded_in_number_and_length_and_may_not_be_null()
    {
        Assert.Equal(["/tags"], Fields(Contact($""","tags":{StringArray(GhlContractLimits.TagCount + 1, "t")}""")));
        Assert.Equal(["/tags/1"], Fields(Contact($""","tags":["a","{new string('t', GhlContractLimits.TagLength + 1)}"]""")));
        Assert.Equal(new GhlFieldError("/tags/0", "must be a string"), Assert.Single(Errors(Contact(""","tags":[null,"b"]"""))));
    }

    [Fact]
    public void Custom_fields_need_an_id_a_bounded_string_value_and_are_bounded_in_number()
    {
        Assert.Equal(["/customFields/1/id"], Fields(Contact(""","customFields":[{"id":"a"},{"value":"x"}]""")));
        Assert.Equal(["/customFields/0"], Fields(Contact(""","customFields":[null]""")));
        Assert.Equal(["/customFields/0/value"], Fields(Contact($$$""","customFields":[{"id":"a","value":"{{{new string('v', GhlContractLimits.CustomFieldValueLength + 1)}}}"}]""")));
        var many = "[" + string.Join(",", Enumerable.Range(0, GhlContractLimits.CustomFieldCount + 1).Select(i => $$"""{"id":"f{{i}}"}""")) + "]";
        Assert.Equal(["/customFields"], Fields(Contact($""","customFields":{many}""")));
    }

    [Fact]
    public void A_dnd_status_over_its_limit_is_named_by_channel()
    {
        var status = new string('s', GhlContractLimits.StatusLength + 1);

        Assert.Equal(["/dndSettings/SMS/status", "/dndSettings/FB/status"], Fields(Contact($$$""","dndSettings":{"FB":{"status":"{{{status}}}"},"SMS":{"status":"{{{status}}}"}}""")));
    }

    [Fact]
    public void A_note_needs_its_contact_but_a_task_may_come_without_one()
    {
        Assert.Equal(["/contactId"], Fields($$"""{ {{Delivery}},"type":"NoteCreate","id":"n" }"""));
        Assert.Empty(Errors($$"""{ {{Delivery}},"type":"TaskCreate","id":"t" }"""));
        Assert.Equal(["/id"], Fields($$"""{ {{Delivery}},"type":"TaskComplete","contactId":"c" }"""));
    }

    [Fact]
    public void Note_and_task_texts_are_bounded()
    {
        var text = new string('b', GhlContractLimits.TextLength + 1);
        var title = new string('t', GhlContractLimits.TitleLength + 1);

        Assert.Equal(["/body"], Fields($$"""{ {{Delivery}},"type":"NoteCreate","id":"n","contactId":"c","body":"{{text}}" }"""));
        Assert.Equal(["/title", "/body"], Fields($$"""{ {{Delivery}},"type":"TaskCreate","id":"t","title":"{{title}}","body":"{{text}}" }"""));
    }

    [Fact]
    public void An_appointment_event_needs_the_appointment_and_its_id()
    {
        Assert.Equal(["/appointment"], Fields($$"""{ {{Delivery}},"type":"AppointmentCreate" }"""));
        Assert.Equal(["/appointment/id"], Fields($$"""{ {{Delivery}},"type":"AppointmentCreate","appointment":{"title":"t"} }"""));
    }

    [Fact]
    public void An_unrecognized_type_needs_only_the_delivery_members()
    {
        Assert.Empty(Errors("""{"type":"AppInstall","webhookId":"w","timestamp":"2026-11-24T10:00:00Z","companyId":"co"}"""));
        Assert.Equal(["/type", "/webhookId"], Fields("""{"type":" ","timestamp":"2026-11-24T10:00:00Z"}"""));
        Assert.Equal(["/type"], Fields($$"""{ {{Delivery}},"type":"{{new string('T', GhlContractLimits.TypeLength + 1)}}" }"""));
    }

    [Fact]
    public void A_provider_message_needs_its_ids_and_channel_but_no_delivery_members()
    {
        static IEnumerable<string> ProviderFields(string body)
        {
            Assert.True(GhlWebhookParser.TryParseProviderOutboundMessage(Encoding.UTF8.GetBytes(body), out var message, out _));
            return GhlWebhookValidator.Validate(message).Select(e => e.Field);
        }

        Assert.Empty(ProviderFields("""{"type":"SMS","locationId":"l","contactId":"c","messageId":"m"}"""));
        Assert.Equal(["/type", "/locationId", "/contactId", "/messageId"], ProviderFields("{}"));
        Assert.Equal(["/attachments/1"], ProviderFields("""{"type":"SMS","locationId":"l","contactId":"c","messageId":"m","attachments":["u",null]}"""));
        Assert.Equal(["/message"], ProviderFields($$"""{"type":"SMS","locationId":"l","contactId":"c","messageId":"m","message":"{{new string('m', GhlContractLimits.TextLength + 1)}}"}"""));
    }

    [Fact]
    public void Messages_never_quote_the_value()
    {
        var errors = Errors(Contact($""","email":"{new string('x', GhlContractLimits.EmailLength)}@example.com" """));

        Assert.DoesNotContain(errors, e => e.Message.Contains("example.com", StringComparison.Ordinal));
    }
}
