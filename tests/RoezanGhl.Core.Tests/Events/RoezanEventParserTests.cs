using System.Text;
using RoezanGhl.Core.Events;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Webhooks;

namespace RoezanGhl.Core.Tests.Events;

public class RoezanEventParserTests
{
    private static RoezanIngestResult Reject(string body)
    {
        Assert.False(RoezanEventParser.TryParse(Encoding.UTF8.GetBytes(body), out _, out var rejection));
        return rejection;
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"id\":\"e\",")]
    [InlineData("{\"id\":'e'}")]
    [InlineData("<event id=\"e\"/>")]
    [InlineData("id=e&type=note.created")]
    [InlineData("{\"id\":\"e\"} trailing")]
    [InlineData("{\"id\":\"e\" /* comment */}")]
    public void A_body_that_is_not_json_is_malformed_with_line_and_byte(string body)
    {
        var rejection = Reject(body);
        Assert.Equal(RoezanIngestOutcome.MalformedJson, rejection.Outcome);
        Assert.Equal(400, rejection.StatusCode);
        Assert.Matches(@"line \d+, byte \d+", rejection.Detail);
        Assert.Equal(["body"], rejection.Errors!.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n")]
    public void An_empty_body_is_malformed(string body)
    {
        var rejection = Reject(body);
        Assert.Equal(RoezanIngestOutcome.MalformedJson, rejection.Outcome);
        Assert.Contains("empty", rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_malformed()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"id":"e","type":"X"}""");
        bytes[8] = 0xFF;
        Assert.False(RoezanEventParser.TryParse(bytes, out _, out var rejection));
        Assert.Equal(RoezanIngestOutcome.MalformedJson, rejection.Outcome);
    }

    [Theory]
    [InlineData("[]", "body")]
    [InlineData("\"an event\"", "body")]
    [InlineData("42", "body")]
    [InlineData("null", "body")]
    [InlineData("""{"id":42}""", "id")]
    [InlineData("""{"id":"e","data":"contact"}""", "data")]
    [InlineData("""{"id":"e","data":{"contact":{"tags":"vip"}}}""", "data.contact.tags")]
    [InlineData("""{"id":"e","data":{"contact":{"tags":["vip",7]}}}""", "data.contact.tags[1]")]
    [InlineData("""{"id":"e","data":{"task":{"completed":"yes"}}}""", "data.task.completed")]
    [InlineData("""{"id":"e","data":{"contact":{"customFields":["a"]}}}""", "data.contact.customFields")]
    public void A_member_of_the_wrong_json_type_is_invalid_naming_the_field(string body, string field)
    {
        var rejection = Reject(body);
        Assert.Equal(RoezanIngestOutcome.Invalid, rejection.Outcome);
        Assert.Equal([field], rejection.Errors!.Keys);
    }

    [Theory]
    [InlineData("2026-11-24")]
    [InlineData("2026-11-24T10:00:00")]
    [InlineData("2026-11-24 10:00:00Z")]
    [InlineData("24/11/2026 10:00")]
    [InlineData("2026-13-24T10:00:00Z")]
    [InlineData("yesterday")]
    [InlineData("1732442400")]
    public void Occurred_at_must_be_an_rfc3339_date_time_with_an_offset(string value)
    {
        var rejection = Reject(JsonTemplate.Fill("""{"id":"e","type":"note.created","occurredAt":"$0"}""", value));
        Assert.Equal(RoezanIngestOutcome.Invalid, rejection.Outcome);
        Assert.Contains("RFC 3339", Assert.Single(rejection.Errors!["occurredAt"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-24T10:00:00Z", "2026-11-24T10:00:00+00:00")]
    [InlineData("2026-11-24T05:00:00-05:00", "2026-11-24T10:00:00+00:00")]
    [InlineData("2026-11-24T10:00:00.123+01:00", "2026-11-24T09:00:00.123+00:00")]
    [InlineData("2026-11-24T10:00:00\\u002B01:00", "2026-11-24T09:00:00+00:00")]
    public void Rfc3339_date_times_are_read_with_their_offset(string value, string utc)
    {
        Assert.True(RoezanEventParser.TryParse(Encoding.UTF8.GetBytes(JsonTemplate.Fill("""{"occurredAt":"$0"}""", value)), out var evt, out _));
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), evt.OccurredAt);
    }

    [Fact]
    public void A_leading_byte_order_mark_is_ignored()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(RoezanSampleEvents.NoteCreated())];
        Assert.True(RoezanEventParser.TryParse(body, out var evt, out _));
        Assert.Equal("evt_note_1", evt.Id);
    }

    [Fact]
    public void Unknown_members_are_ignored_so_that_roezan_can_add_fields()
    {
        Assert.True(RoezanEventParser.TryParse(Encoding.UTF8.GetBytes(RoezanSampleEvents.ContactUpdated()), out var evt, out _));
        Assert.Equal(RoezanEventTypes.ContactUpdated, evt.Type);
        Assert.Equal(8, evt.Data!.Contact!.CustomFields!.Count);
    }

    [Fact]
    public void Member_names_are_case_sensitive_as_the_schema_says()
    {
        Assert.True(RoezanEventParser.TryParse(Encoding.UTF8.GetBytes("""{"ID":"e","Type":"note.created"}"""), out var evt, out _));
        Assert.Null(evt.Id);
        Assert.Null(evt.Type);
    }

    [Theory]
    [InlineData("""{"id":"e1","type":"note.created","id":"e2"}""", "id", "/id")]
    [InlineData("""{"id":"e","data":{"note":{"body":"a","body":"b"}}}""", "data.note.body", "/data/note/body")]
    [InlineData("""{"id":"e","data":{"contact":{"id":"c","customFields":{"plan":"gold","plan":"free"}}}}""", "data.contact.customFields.plan", "/data/contact/customFields/plan")]
    [InlineData("""{"id":"e","extra":[{"k":1},{"k":1,"k":2}]}""", "extra[1].k", "/extra/1/k")]
    [InlineData("""{"id":"e","unknown":{"a":1,"a":1}}""", "unknown.a", "/unknown/a")]
    [InlineData("""{"id":"e","\u0069d":"e2"}""", "id", "/id")]
    [InlineData("""{"id":"e","data":{"contact":{"customFields":{"a/b~c":1,"a/b~c":2}}}}""", "data.contact.customFields.a/b~c", "/data/contact/customFields/a~1b~0c")]
    public void A_member_named_twice_in_one_object_is_refused_naming_it_at_any_depth(string body, string field, string jsonPointer)
    {
        var rejection = Reject(body);

        Assert.Equal((RoezanIngestOutcome.Invalid, 400), (rejection.Outcome, rejection.StatusCode));
        var message = Assert.Single(Assert.Contains(field, rejection.Errors!));
        Assert.Contains($"JSON pointer {jsonPointer}", message, StringComparison.Ordinal);
        Assert.Contains(field, rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_is_found_in_an_object_with_many_members_too()
    {
        var fields = string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"f{i}\":{i}"));
        var rejection = Reject(JsonTemplate.Fill("""{"id":"e","data":{"contact":{"customFields":{ $0,"f3":0}}}}""", fields));

        Assert.Equal(["data.contact.customFields.f3"], rejection.Errors!.Keys);
        Assert.True(RoezanEventParser.TryParse(Encoding.UTF8.GetBytes(JsonTemplate.Fill("""{"id":"e","data":{"contact":{"customFields":{ $0}}}}""", fields)), out _, out _));
    }

    [Fact]
    public void The_same_name_in_sibling_objects_and_names_differing_in_case_are_not_duplicates()
    {
        Assert.True(RoezanEventParser.TryParse(
            Encoding.UTF8.GetBytes("""{"id":"e","ID":"x","data":{"contact":{"id":"c"},"note":{"id":"n"}},"extra":[{"id":1},{"id":2}]}"""), out var evt, out _));
        Assert.Equal(("e", "c", "n"), (evt.Id, evt.Data!.Contact!.Id, evt.Data.Note!.Id));
    }

    [Fact]
    public void A_duplicate_is_named_even_when_its_values_have_the_wrong_type()
    {
        var rejection = Reject("""{"id":1,"id":"e"}""");

        Assert.Equal(["id"], rejection.Errors!.Keys);
        Assert.Contains("more than once", rejection.Errors["id"][0], StringComparison.Ordinal);
    }

    // Found by scripts/fuzz.sh: the reader checks UTF-8 only when a string is read, so a custom field value that is
    // not text passed the parser and threw InvalidOperationException in the validator (a 500 instead of a 400).
    [Theory]
    [InlineData("""{"id":"e","type":"contact.updated","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":{"id":"c","email":"a@example.com","customFields":{"plan":"g<FF>ld"}}}}""")]
    [InlineData("""{"id":"e","type":"contact.updated","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":{"id":"c","email":"a@example.com","customFields":{"plan":"\ud800"}}}}""")]
    [InlineData("""{"id":"e","<FF>x":1}""")]
    [InlineData("""{"id":"e","x\udc00":1}""")]
    public void A_string_that_is_not_unicode_text_is_malformed_json_wherever_it_is(string template)
    {
        // <FF> stands for a raw 0xFF byte (never UTF-8); \ud800 and \udc00 are escapes of lone surrogates.
        var bytes = Encoding.Latin1.GetBytes(template.Replace("<FF>", "\u00FF", StringComparison.Ordinal));

        Assert.False(RoezanEventParser.TryParse(bytes, out _, out var rejection));
        Assert.Equal(RoezanIngestOutcome.MalformedJson, rejection.Outcome);
        Assert.Matches(@"line 1, byte \d+", rejection.Detail);
    }
}

