using System.Text;
using RoezanGhl.Core.Events;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Webhooks;

namespace RoezanGhl.Core.Tests.Events;

public class RoezanEventValidatorTests
{
    private const string Account = RoezanSampleEvents.AccountId;

    private static RoezanEvent Parse(string json) => RoezanEventJson.Parse(json);

    private static Dictionary<string, string[]> Errors(string json) =>
        RoezanEventValidator.Validate(Parse(json), Account)
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    private static void AssertOnlyField(string json, string field, string messagePart)
    {
        var errors = Errors(json);
        Assert.True(errors.Count == 1 && errors.ContainsKey(field), $"expected only {field}, got: {string.Join("; ", errors.Select(e => e.Key + ": " + string.Join(",", e.Value)))}");
        Assert.Contains(errors[field], m => m.Contains(messagePart, StringComparison.Ordinal));
    }

    public static TheoryData<string> ValidSamples() => [.. RoezanSampleEvents.All()];

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void Every_sample_event_type_is_valid(string json) => Assert.Empty(Errors(json));

    [Fact]
    public void Every_failing_field_is_named_not_just_the_first()
    {
        var errors = Errors("""{"data":{}}""");
        Assert.Equal(["id", "occurredAt", "type"], errors.Keys.Order());
    }

    [Theory]
    [InlineData("""{"type":"note.created","occurredAt":"2026-11-24T10:00:00Z","data":{"note":{"id":"n","contactId":"c","body":"b"}}}""")]
    [InlineData("""{"id":"","type":"note.created","occurredAt":"2026-11-24T10:00:00Z","data":{"note":{"id":"n","contactId":"c","body":"b"}}}""")]
    [InlineData("""{"id":"   ","type":"note.created","occurredAt":"2026-11-24T10:00:00Z","data":{"note":{"id":"n","contactId":"c","body":"b"}}}""")]
    [InlineData("""{"id":null,"type":"note.created","occurredAt":"2026-11-24T10:00:00Z","data":{"note":{"id":"n","contactId":"c","body":"b"}}}""")]
    public void An_event_without_an_id_is_invalid(string json) => AssertOnlyField(json, "id", "is required");

    [Fact]
    public void An_event_without_a_type_is_invalid() =>
        AssertOnlyField("""{"id":"e","occurredAt":"2026-11-24T10:00:00Z","data":{}}""", "type", "is required");

    [Theory]
    [InlineData("contact.deleted")]
    [InlineData("Contact.Created")]
    [InlineData("message")]
    public void An_unknown_type_is_invalid_and_the_known_ones_are_listed(string type) =>
        AssertOnlyField(JsonTemplate.Fill("""{"id":"e","type":"$0","occurredAt":"2026-11-24T10:00:00Z","data":{}}""", type), "type", "must be one of contact.created, contact.updated, message.received");

    [Fact]
    public void An_event_without_occurred_at_is_invalid() =>
        AssertOnlyField("""{"id":"e","type":"note.created","data":{"note":{"id":"n","contactId":"c","body":"b"}}}""", "occurredAt", "is required");

    [Fact]
    public void An_event_without_data_is_invalid() =>
        AssertOnlyField("""{"id":"e","type":"note.created","occurredAt":"2026-11-24T10:00:00Z"}""", "data", "is required");

    [Fact]
    public void An_account_in_the_body_must_match_the_account_in_the_url()
    {
        AssertOnlyField("""{"id":"e","type":"note.created","occurredAt":"2026-11-24T10:00:00Z","accountId":"other","data":{"note":{"id":"n","contactId":"c","body":"b"}}}""", "accountId", "must equal the account in the webhook URL");
        Assert.Empty(Errors("""{"id":"e","type":"note.created","occurredAt":"2026-11-24T10:00:00Z","accountId":"ACME","data":{"note":{"id":"n","contactId":"c","body":"b"}}}"""));
    }

    [Theory]
    [InlineData("contact.created")]
    [InlineData("contact.updated")]
    public void A_contact_event_needs_the_contact(string type) =>
        AssertOnlyField(JsonTemplate.Fill("""{"id":"e","type":"$0","occurredAt":"2026-11-24T10:00:00Z","data":{}}""", type), "data.contact", "is required");

    [Fact]
    public void A_contact_event_needs_the_contact_id() =>
        AssertOnlyField("""{"id":"e","type":"contact.created","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":{"phone":"+12015550123"}}}""", "data.contact.id", "is required");

    [Theory]
    [InlineData("""{"id":"c"}""")]
    [InlineData("""{"id":"c","phone":" ","email":""}""")]
    [InlineData("""{"id":"c","phone":null,"email":null,"firstName":"Ana"}""")]
    public void A_contact_event_needs_a_phone_or_an_email(string contact) =>
        AssertOnlyField(JsonTemplate.Fill("""{"id":"e","type":"contact.updated","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":$0}}""", contact), "data.contact", "must have a phone or an email");

    [Theory]
    [InlineData("""{"id":"c","email":"a@example.com"}""")]
    [InlineData("""{"id":"c","phone":"+12015550123"}""")]
    public void A_contact_with_only_an_email_or_only_a_phone_is_enough(string contact) =>
        Assert.Empty(Errors(JsonTemplate.Fill("""{"id":"e","type":"contact.updated","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":$0}}""", contact)));

    [Theory]
    [InlineData("""{"from":"+1","body":"b","receivedAt":"2026-11-24T10:00:00Z"}""", "data.message.id")]
    [InlineData("""{"id":"m","body":"b","receivedAt":"2026-11-24T10:00:00Z"}""", "data.message.from")]
    [InlineData("""{"id":"m","from":"+1","receivedAt":"2026-11-24T10:00:00Z"}""", "data.message.body")]
    [InlineData("""{"id":"m","from":"+1","body":"  "}""", "data.message.body")]
    [InlineData("""{"id":"m","from":"+1","body":"b"}""", "data.message.receivedAt")]
    public void A_received_message_needs_id_sender_body_and_time(string message, string field)
    {
        var errors = Errors(JsonTemplate.Fill("""{"id":"e","type":"message.received","occurredAt":"2026-11-24T10:00:00Z","data":{"message":$0}}""", message));
        Assert.Contains(field, errors.Keys);
        Assert.Contains("is required", errors[field]);
    }

    [Fact]
    public void A_received_message_event_needs_the_message() =>
        AssertOnlyField("""{"id":"e","type":"message.received","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":{"id":"c","phone":"+1"}}}""", "data.message", "is required");

    [Theory]
    [InlineData("task.created")]
    [InlineData("task.updated")]
    [InlineData("task.completed")]
    public void A_task_event_needs_the_task_id_and_its_contact(string type)
    {
        var errors = Errors(JsonTemplate.Fill("""{"id":"e","type":"$0","occurredAt":"2026-11-24T10:00:00Z","data":{"task":{"title":"t","dueDate":"2026-11-25T10:00:00Z"}}}""", type));
        Assert.Equal(["data.task.contactId", "data.task.id"], errors.Keys.Order());
    }

    [Fact]
    public void A_created_task_also_needs_a_title_and_a_due_date()
    {
        var errors = Errors("""{"id":"e","type":"task.created","occurredAt":"2026-11-24T10:00:00Z","data":{"task":{"id":"t","contactId":"c"}}}""");
        Assert.Equal(["data.task.dueDate", "data.task.title"], errors.Keys.Order());
        Assert.Empty(Errors("""{"id":"e","type":"task.updated","occurredAt":"2026-11-24T10:00:00Z","data":{"task":{"id":"t","contactId":"c"}}}"""));
    }

    [Fact]
    public void A_task_event_needs_the_task() =>
        AssertOnlyField("""{"id":"e","type":"task.completed","occurredAt":"2026-11-24T10:00:00Z","data":{}}""", "data.task", "is required");

    [Fact]
    public void A_note_needs_its_id_contact_and_body()
    {
        var errors = Errors("""{"id":"e","type":"note.created","occurredAt":"2026-11-24T10:00:00Z","data":{"note":{"body":" "}}}""");
        Assert.Equal(["data.note.body", "data.note.contactId", "data.note.id"], errors.Keys.Order());
        AssertOnlyField("""{"id":"e","type":"note.created","occurredAt":"2026-11-24T10:00:00Z","data":{}}""", "data.note", "is required");
    }

    [Theory]
    [InlineData("id", RoezanContractLimits.IdLength)]
    [InlineData("firstName", RoezanContractLimits.NameLength)]
    [InlineData("lastName", RoezanContractLimits.NameLength)]
    [InlineData("phone", RoezanContractLimits.PhoneLength)]
    [InlineData("email", RoezanContractLimits.EmailLength)]
    [InlineData("note", RoezanContractLimits.TextLength)]
    public void Contact_strings_are_bounded(string member, int max)
    {
        var others = MembersExcept(member, ("id", "c"), ("email", "a@example.com"));
        string Event(int length) => JsonTemplate.Fill("""{"id":"e","type":"contact.updated","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":{ $0"$1":"$2"}}}""", others, member, new string('x', length));
        Assert.Empty(Errors(Event(max)));
        AssertOnlyField(Event(max + 1), $"data.contact.{member}", $"must be at most {max} characters");
    }

    [Theory]
    [InlineData("message", "fromName", RoezanContractLimits.NameLength)]
    [InlineData("message", "body", RoezanContractLimits.TextLength)]
    [InlineData("message", "contactId", RoezanContractLimits.IdLength)]
    [InlineData("task", "title", RoezanContractLimits.TitleLength)]
    [InlineData("task", "body", RoezanContractLimits.TextLength)]
    [InlineData("note", "body", RoezanContractLimits.TextLength)]
    [InlineData("note", "contactId", RoezanContractLimits.IdLength)]
    public void Message_task_and_note_strings_are_bounded(string part, string member, int max)
    {
        var (type, baseMembers) = part switch
        {
            "message" => ("message.received", MembersExcept(member, ("id", "m"), ("from", "+12015550123"), ("body", "b"), ("receivedAt", "2026-11-24T10:00:00Z"))),
            "task" => ("task.updated", MembersExcept(member, ("id", "t"), ("contactId", "c"))),
            _ => ("note.created", MembersExcept(member, ("id", "n"), ("contactId", "c"), ("body", "b"))),
        };
        string Event(int length) => JsonTemplate.Fill("""{"id":"e","type":"$0","occurredAt":"2026-11-24T10:00:00Z","data":{"$1":{ $2"$3":"$4"}}}""", type, part, baseMembers, member, new string('x', length));
        Assert.Empty(Errors(Event(max)));
        AssertOnlyField(Event(max + 1), $"data.{part}.{member}", $"must be at most {max} characters");
    }

    [Fact]
    public void Lengths_count_characters_not_utf16_units_so_emoji_count_once()
    {
        var emojiName = string.Concat(Enumerable.Repeat("😀", RoezanContractLimits.NameLength));
        Assert.Equal(RoezanContractLimits.NameLength * 2, emojiName.Length);
        Assert.Empty(Errors(JsonTemplate.Fill("""{"id":"e","type":"contact.updated","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":{"id":"c","email":"a@example.com","firstName":"$0"}}}""", emojiName)));
        Assert.NotEmpty(Errors(JsonTemplate.Fill("""{"id":"e","type":"contact.updated","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":{"id":"c","email":"a@example.com","firstName":"$0x"}}}""", emojiName)));
    }

    [Fact]
    public void Tags_are_bounded_in_number_and_length_and_must_be_strings()
    {
        string Event(string tags) => JsonTemplate.Fill("""{"id":"e","type":"contact.updated","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":{"id":"c","email":"a@example.com","tags":$0}}}""", tags);
        var hundred = "[" + string.Join(",", Enumerable.Range(0, RoezanContractLimits.TagCount).Select(i => $"\"t{i}\"")) + "]";
        var hundredAndOne = "[" + string.Join(",", Enumerable.Range(0, RoezanContractLimits.TagCount + 1).Select(i => $"\"t{i}\"")) + "]";
        Assert.Empty(Errors(Event(hundred)));
        AssertOnlyField(Event(hundredAndOne), "data.contact.tags", "at most 100 tags");
        AssertOnlyField(Event($"""["ok","{new string('t', RoezanContractLimits.TagLength + 1)}"]"""), "data.contact.tags[1]", "at most 100 characters");
        AssertOnlyField(Event("""["ok",null]"""), "data.contact.tags[1]", "must be a string");
    }

    [Theory]
    [InlineData("""{"nested":{"a":1}}""", "data.contact.customFields.nested")]
    [InlineData("""{"list":[1,2]}""", "data.contact.customFields.list")]
    [InlineData("""{"nothing":null}""", "data.contact.customFields.nothing")]
    [InlineData("""{"  ":"blank name"}""", "data.contact.customFields")]
    public void Custom_field_values_must_be_scalars_with_named_keys(string fields, string field) =>
        AssertOnlyField(JsonTemplate.Fill("""{"id":"e","type":"contact.updated","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":{"id":"c","email":"a@example.com","customFields":$0}}}""", fields), field, "must");

    [Fact]
    public void Custom_field_strings_numbers_and_booleans_are_accepted_and_strings_bounded()
    {
        string Event(string value) => JsonTemplate.Fill("""{"id":"e","type":"contact.updated","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":{"id":"c","email":"a@example.com","customFields":{"a":"x","b":1.5,"c":true,"d":$0}}}}""", value);
        Assert.Empty(Errors(Event($"\"{new string('v', RoezanContractLimits.CustomFieldValueLength)}\"")));
        AssertOnlyField(Event($"\"{new string('v', RoezanContractLimits.CustomFieldValueLength + 1)}\""), "data.contact.customFields.d", "at most 4000");
    }

    [Fact]
    public void More_than_a_hundred_custom_fields_are_invalid()
    {
        var fields = "{" + string.Join(",", Enumerable.Range(0, RoezanContractLimits.CustomFieldCount + 1).Select(i => $"\"f{i}\":{i}")) + "}";
        AssertOnlyField(JsonTemplate.Fill("""{"id":"e","type":"contact.updated","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":{"id":"c","email":"a@example.com","customFields":$0}}}""", fields), "data.contact.customFields", "at most 100 fields");
    }

    [Fact]
    public void Members_of_other_parts_are_checked_for_shape_too()
    {
        AssertOnlyField(
            JsonTemplate.Fill("""{"id":"e","type":"note.created","occurredAt":"2026-11-24T10:00:00Z","data":{"note":{"id":"n","contactId":"c","body":"b"},"contact":{"id":"$0"}}}""", new string('c', 129)),
            "data.contact.id",
            "at most 128");
    }

    /// <summary>The required members of a part as JSON, each followed by a comma, without the one under test (a name given twice is refused).</summary>
    private static string MembersExcept(string member, params (string Name, string Value)[] members) =>
        string.Concat(members.Where(m => m.Name != member).Select(m => $"\"{m.Name}\":\"{m.Value}\","));
}
