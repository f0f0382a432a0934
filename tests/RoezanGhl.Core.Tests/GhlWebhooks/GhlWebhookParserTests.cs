using System.Text;
using RoezanGhl.Core.GhlWebhooks;

namespace RoezanGhl.Core.Tests.GhlWebhooks;

public class GhlWebhookParserTests
{
    private const string Head = """ "type":"ContactUpdate","locationId":"l","id":"c","webhookId":"w","timestamp":"2026-11-24T10:00:00Z" """;

    private static GhlWebhookRejection Refused(string body) => Refused(Encoding.UTF8.GetBytes(body));

    private static GhlWebhookRejection Refused(byte[] body)
    {
        Assert.False(GhlWebhookParser.TryParse(body, out _, out var rejection));
        return rejection!;
    }

    private static GhlWebhookEvent Parsed(string body)
    {
        Assert.True(GhlWebhookParser.TryParse(Encoding.UTF8.GetBytes(body), out var evt, out var rejection), rejection?.ToString());
        return evt;
    }

    [Theory]
    [InlineData("""{"type":"ContactUpdate","type":"ContactDelete"}""", "/type")]
    [InlineData("""{"type":"ContactUpdate","dndSettings":{"SMS":{"status":"active","status":"inactive"}}}""", "/dndSettings/SMS/status")]
    [InlineData("""{"type":"ContactUpdate","address1":"a","address1":"b"}""", "/address1")]
    [InlineData("""{"type":"ContactUpdate","customFields":[{"id":"a"},{"id":"b","id":"c"}]}""", "/customFields/1/id")]
    [InlineData("""{"type":"InboundMessage","meta":{"x":[1,{"y":1,"y":2}]}}""", "/meta/x/1/y")]
    [InlineData("""{"type":"ContactUpdate","a":1,"\u0061":2}""", "/a")]
    [InlineData("""{"type":"ContactUpdate","a/b~c":1,"a/b~c":2}""", "/a~1b~0c")]
    public void A_member_named_twice_anywhere_is_refused_by_its_pointer(string body, string field)
    {
        var rejection = Refused(body);

        Assert.Equal(GhlRejectionKind.Invalid, rejection.Kind);
        Assert.Equal(new GhlFieldError(field, "appears more than once in its object"), Assert.Single(rejection.Errors));
    }

    [Fact]
    public void The_same_name_in_different_objects_is_not_a_duplicate()
    {
        Parsed("""{"type":"ContactUpdate","id":"c","dndSettings":{"SMS":{"status":"a"},"Call":{"status":"b"}},"customFields":[{"id":"1"},{"id":"2"}]}""");
    }

    [Theory]
    [InlineData("""{ $0,"tags":"vip"}""", "/tags", "must be an array of strings")]
    [InlineData("""{ $0,"tags":["vip",7]}""", "/tags/1", "must be a string")]
    [InlineData("""{ $0,"dnd":"yes"}""", "/dnd", "must be true or false")]
    [InlineData("""{ $0,"customFields":{"a":1}}""", "/customFields", "must be an array of objects")]
    [InlineData("""{ $0,"customFields":["x"]}""", "/customFields/0", "must be an object")]
    [InlineData("""{ $0,"customFields":[{"id":5}]}""", "/customFields/0/id", "must be a string")]
    [InlineData("""{ $0,"dndSettings":{"SMS":"active"}}""", "/dndSettings/SMS", "must be an object")]
    [InlineData("""{ $0,"dndSettings":{"SMS":{"status":true}}}""", "/dndSettings/SMS/status", "must be a string")]
    [InlineData("""{ $0,"email":["a@example.com"]}""", "/email", "must be a string")]
    [InlineData("""{ $0,"dateAdded":"2021-11-26"}""", "/dateAdded", "must be an RFC 3339 date-time with an offset, such as 2026-11-24T10:00:00Z")]
    [InlineData("""{"type":"NoteCreate","timestamp":"2026-11-24T10:00:00"}""", "/timestamp", "must be an RFC 3339 date-time with an offset, such as 2026-11-24T10:00:00Z")]
    [InlineData("""{"type":"TaskCreate","dueDate":1700000000}""", "/dueDate", "must be an RFC 3339 date-time with an offset, such as 2026-11-24T10:00:00Z")]
    [InlineData("""{"type":"AppointmentUpdate","appointment":"a"}""", "/appointment", "must be an object")]
    [InlineData("""{"type":"AppointmentUpdate","appointment":{"startTime":"soon"}}""", "/appointment/startTime", "must be an RFC 3339 date-time with an offset, such as 2026-11-24T10:00:00Z")]
    [InlineData("""{"type":5}""", "/type", "must be a string")]
    public void A_member_of_the_wrong_type_is_named_with_what_it_must_be(string template, string field, string message)
    {
        var rejection = Refused(template.Replace("$0", Head, StringComparison.Ordinal));

        Assert.Equal(new GhlFieldError(field, message), Assert.Single(rejection.Errors));
        Assert.DoesNotContain("vip", rejection.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t")]
    [InlineData("{\"type\":\"ContactUpdate\",}")]
    [InlineData("{\"type\":\"ContactUpdate\" /* c */}")]
    [InlineData("{\"type\":\"ContactUpdate\"} {}")]
    [InlineData("{'type':'ContactUpdate'}")]
    public void A_body_that_is_not_json_is_malformed(string body)
    {
        var rejection = Refused(body);

        Assert.Equal((GhlRejectionKind.MalformedJson, "malformed-json", 400), (rejection.Kind, rejection.Code, rejection.StatusCode));
        Assert.Equal(string.Empty, Assert.Single(rejection.Errors).Field);
    }

    [Fact]
    public void A_syntax_error_is_placed_by_line_and_byte()
    {
        Assert.Equal("The body is not valid JSON (line 2, byte 7).", Refused("{\n  \"a\" 1}").Detail);
    }

    [Theory]
    [InlineData("{\"type\":\"", "\"}")]
    [InlineData("{\"type\":\"InboundMessage\",\"notRead\":\"", "\"}")]
    [InlineData("{\"type\":\"InboundMessage\",\"", "\":1}")]
    public void A_body_that_is_not_utf8_is_malformed_even_where_it_is_not_read(string before, string after)
    {
        var rejection = Refused([.. Encoding.UTF8.GetBytes(before), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(after)]);

        Assert.Equal(("malformed-json", "The body is not valid UTF-8."), (rejection.Code, rejection.Detail));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"type\":\"ContactUpdate\"}]")]
    [InlineData("\"ContactUpdate\"")]
    [InlineData("5")]
    [InlineData("null")]
    public void A_body_that_is_not_an_object_is_refused_at_the_root(string body)
    {
        Assert.Equal(new GhlFieldError(string.Empty, "must be a JSON object"), Assert.Single(Refused(body).Errors));
    }

    [Fact]
    public void A_byte_order_mark_before_the_object_is_allowed()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes($"{{ {Head} }}")];

        Assert.True(GhlWebhookParser.TryParse(body, out var evt, out _));
        Assert.Equal(GhlWebhookEventKind.ContactUpdate, evt.Kind);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read_and_one_level_more_is_refused_by_pointer()
    {
        static string Nested(int depth) => string.Concat(Enumerable.Repeat("[", depth - 2)) + string.Concat(Enumerable.Repeat("]", depth - 2));

        var atLimit = Parsed($$"""{ {{Head}},"customFields":[{"id":"f","value":{{Nested(GhlContractLimits.MaxDepth - 1)}}}]}""");
        Assert.IsType<GhlContactEvent>(atLimit);

        var rejection = Refused($$"""{ {{Head}},"customFields":[{"id":"f","value":{{Nested(GhlContractLimits.MaxDepth)}}}]}""");
        var error = Assert.Single(rejection.Errors);
        Assert.StartsWith("/customFields/0/value/0/0", error.Field, StringComparison.Ordinal);
        Assert.Equal($"nests deeper than {GhlContractLimits.MaxDepth} levels", error.Message);
    }

    [Theory]
    [InlineData("""{"type":"InboundMessage","locationId":"l","body":{"x":[1,2]},"tags":"not read"}""", "InboundMessage")]
    [InlineData("""{"type":"contactupdate","id":"c"}""", "contactupdate")]
    [InlineData("""{"type":"NoteUpdate","id":"n"}""", "NoteUpdate")]
    [InlineData("""{"locationId":"l"}""", null)]
    public void Any_other_type_parses_to_an_unrecognized_event_without_reading_its_shape(string body, string? type)
    {
        var evt = Assert.IsType<GhlUnrecognizedEvent>(Parsed(body));

        Assert.Equal((GhlWebhookEventKind.Unrecognized, type), (evt.Kind, evt.Type));
    }

    [Fact]
    public void The_type_is_taken_from_the_root_not_from_a_nested_member()
    {
        var evt = Parsed("""{"data":{"type":"ContactUpdate"},"type":"NoteCreate","id":"n"}""");

        Assert.Equal(GhlWebhookEventKind.NoteCreate, evt.Kind);
    }

    [Fact]
    public void Null_members_read_as_absent()
    {
        var contact = Assert.IsType<GhlContactEvent>(Parsed($$"""{ {{Head}},"email":null,"tags":null,"dnd":null,"dndSettings":{"SMS":null},"customFields":[{"id":"f","value":null}]}"""));

        Assert.Null(contact.Email);
        Assert.Null(contact.Tags);
        Assert.Null(contact.Dnd);
        Assert.Null(contact.DndSettings!.Sms);
        Assert.Null(contact.CustomFields![0]!.Value);
    }

    [Fact]
    public void A_provider_message_is_parsed_by_its_endpoint_whatever_its_type()
    {
        var body = Encoding.UTF8.GetBytes("""{"type":"ContactUpdate","messageId":"m","phone":"+12015550123","emailTo":["x@example.com"]}""");

        Assert.True(GhlWebhookParser.TryParseProviderOutboundMessage(body, out var message, out _));
        Assert.Equal((GhlWebhookEventKind.ProviderOutboundMessage, "m"), (message.Kind, message.MessageId));

        Assert.False(GhlWebhookParser.TryParseProviderOutboundMessage("""{"messageId":"m","messageId":"n"}"""u8, out _, out var rejection));
        Assert.Equal("/messageId", Assert.Single(rejection.Errors).Field);
    }
}
