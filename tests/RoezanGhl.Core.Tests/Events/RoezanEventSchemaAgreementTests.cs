using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using RoezanGhl.Core.Events;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Webhooks;

namespace RoezanGhl.Core.Tests.Events;

/// <summary>The published schema and the validator say the same about the same bodies.</summary>
public class RoezanEventSchemaAgreementTests
{
    private static readonly string SchemaPath = RepositoryRoot.Combine("src", "RoezanGhl.Core", "Events", "roezan-event.schema.json");
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));
    private static readonly EvaluationOptions Options = new() { RequireFormatValidation = true, OutputFormat = OutputFormat.List };

    private const string Head = """ "id":"e","occurredAt":"2026-11-24T10:00:00Z" """;

    public static TheoryData<string> ValidBodies()
    {
        var data = new TheoryData<string>();
        foreach (var sample in RoezanSampleEvents.All())
        {
            data.Add(sample);
        }

        data.Add(JsonTemplate.Fill("""{ $0,"type":"contact.created","data":{"contact":{"id":"c","email":"a@example.com","phone":null,"tags":null,"customFields":null}}}""", Head));
        data.Add(JsonTemplate.Fill("""{ $0,"type":"contact.updated","data":{"contact":{"id":"c","phone":"+12015550123","tags":[],"customFields":{"n":-1.5e3,"b":true,"s":""}}}}""", Head));
        data.Add(JsonTemplate.Fill("""{ $0,"type":"task.updated","data":{"task":{"id":"t","contactId":"c","dueDate":null,"completed":null}}}""", Head));
        data.Add(JsonTemplate.Fill("""{ $0,"type":"note.created","accountId":"acme","extra":[1,2,3],"data":{"note":{"id":"n","contactId":"c","body":"b"},"contact":null}}""", Head));
        data.Add(JsonTemplate.Fill("""{ $0,"type":"message.received","data":{"message":{"id":"m","from":"x","body":"b","receivedAt":"2026-11-24T10:00:00.5+05:30","contactId":null}}}""", Head));
        data.Add(JsonTemplate.Fill("""{ $0,"type":"contact.updated","data":{"contact":{"id":"c","email":"a@example.com","firstName":"$1"}}}""", Head, string.Concat(Enumerable.Repeat("😀", RoezanContractLimits.NameLength))));
        data.Add(JsonTemplate.Fill("""{ $0,"type":"message.status","data":{"message":{"id":"m","status":"Delivered","statusAt":"2026-11-24T10:00:05Z"}}}""", Head));
        data.Add(JsonTemplate.Fill("""{ $0,"type":"message.status","data":{"message":{"id":"m","status":"Undelivered","errorCode":"30003","errorMessage":"Unreachable destination handset","statusAt":null}}}""", Head));
        data.Add(JsonTemplate.Fill("""{ $0,"type":"message.status","data":{"message":{"id":"m","status":"carrier-said-something-new"}}}""", Head));
        return data;
    }

    public static TheoryData<string> InvalidBodies() =>
    [
        """{"type":"note.created","occurredAt":"2026-11-24T10:00:00Z","data":{"note":{"id":"n","contactId":"c","body":"b"}}}""",
        """{"id":"  ","type":"note.created","occurredAt":"2026-11-24T10:00:00Z","data":{"note":{"id":"n","contactId":"c","body":"b"}}}""",
        """{"id":"e","occurredAt":"2026-11-24T10:00:00Z","data":{}}""",
        """{"id":"e","type":"contact.deleted","occurredAt":"2026-11-24T10:00:00Z","data":{}}""",
        """{"id":"e","type":"note.created","data":{"note":{"id":"n","contactId":"c","body":"b"}}}""",
        """{"id":"e","type":"note.created","occurredAt":"2026-11-24","data":{"note":{"id":"n","contactId":"c","body":"b"}}}""",
        """{"id":"e","type":"note.created","occurredAt":"yesterday","data":{"note":{"id":"n","contactId":"c","body":"b"}}}""",
        """{"id":"e","type":"note.created","occurredAt":"2026-11-24T10:00:00Z"}""",
        """{"id":"e","type":"note.created","occurredAt":"2026-11-24T10:00:00Z","data":null}""",
        """{"id":5,"type":"note.created","occurredAt":"2026-11-24T10:00:00Z","data":{"note":{"id":"n","contactId":"c","body":"b"}}}""",
        JsonTemplate.Fill("""{ $0,"type":"contact.created","data":{}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"contact.created","data":{"contact":{"email":"a@example.com"}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"contact.updated","data":{"contact":{"id":"c"}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"contact.updated","data":{"contact":{"id":"c","phone":"  ","email":null}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"contact.updated","data":{"contact":{"id":"c","email":"a@example.com","tags":"vip"}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"contact.updated","data":{"contact":{"id":"c","email":"a@example.com","tags":["a",null]}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"contact.updated","data":{"contact":{"id":"c","email":"a@example.com","tags":["$1"]}}}""", Head, new string('t', 101)),
        JsonTemplate.Fill("""{ $0,"type":"contact.updated","data":{"contact":{"id":"c","email":"a@example.com","customFields":{"a":{"b":1}}}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"contact.updated","data":{"contact":{"id":"c","email":"a@example.com","customFields":{"a":null}}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"contact.updated","data":{"contact":{"id":"c","email":"a@example.com","customFields":{" ":"x"}}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"contact.updated","data":{"contact":{"id":"c","email":"a@example.com","firstName":"$1"}}}""", Head, new string('n', 257)),
        JsonTemplate.Fill("""{ $0,"type":"contact.updated","data":{"contact":{"id":"c","email":"a@example.com","firstName":"$1"}}}""", Head, string.Concat(Enumerable.Repeat("😀", 257))),
        JsonTemplate.Fill("""{ $0,"type":"contact.updated","data":{"contact":{"id":"$1","email":"a@example.com"}}}""", Head, new string('c', 129)),
        JsonTemplate.Fill("""{ $0,"type":"message.received","data":{"message":{"id":"m","from":"x","body":"b"}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"message.received","data":{"message":{"id":"m","body":"b","receivedAt":"2026-11-24T10:00:00Z"}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"message.received","data":{"message":{"id":"m","from":"x","body":" ","receivedAt":"2026-11-24T10:00:00Z"}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"message.received","data":{"message":{"id":"m","from":"x","body":"b","receivedAt":"2026-11-24T10:00:00"}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"task.created","data":{"task":{"id":"t","contactId":"c","title":"x"}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"task.created","data":{"task":{"id":"t","contactId":"c","dueDate":"2026-11-25T10:00:00Z"}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"task.completed","data":{"task":{"id":"t"}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"task.updated","data":{"task":{"id":"t","contactId":"c","completed":"yes"}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"task.updated","data":{"task":{"id":"t","contactId":"c","title":"$1"}}}""", Head, new string('t', 513)),
        JsonTemplate.Fill("""{ $0,"type":"note.created","data":{"note":{"id":"n","contactId":"c"}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"note.created","data":{"note":{"id":"n","contactId":"c","body":"$1"}}}""", Head, new string('b', 20001)),
        "[]",
        "\"event\"",
        JsonTemplate.Fill("""{ $0,"type":"message.status","data":{"message":{"id":"m"}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"message.status","data":{"message":{"id":"m","status":"  "}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"message.status","data":{"message":{"status":"Delivered"}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"message.status","data":{}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"message.status","data":{"message":{"id":"m","status":"Undelivered","errorMessage":"$1"}}}""", Head, new string('e', 1001)),
        JsonTemplate.Fill("""{ $0,"type":"message.status","data":{"message":{"id":"m","status":"Delivered","statusAt":"today"}}}""", Head),
    ];

    [Theory]
    [MemberData(nameof(ValidBodies))]
    public void The_schema_and_the_validator_both_accept_a_valid_body(string body)
    {
        Assert.True(ValidatorAccepts(body, out var errors), errors);
        Assert.True(SchemaAccepts(body, out var schemaErrors), schemaErrors);
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public void The_schema_and_the_validator_both_reject_an_invalid_body(string body)
    {
        Assert.False(ValidatorAccepts(body, out _), "the validator accepted it");
        Assert.False(SchemaAccepts(body, out _), "the schema accepted it");
    }

    [Fact]
    public void The_schema_bounds_are_the_validators_bounds()
    {
        var defs = JsonNode.Parse(File.ReadAllText(SchemaPath))!["$defs"]!;
        Assert.Equal(RoezanContractLimits.IdLength, (int)defs["id"]!["maxLength"]!);
        Assert.Equal(RoezanContractLimits.IdLength, (int)defs["optionalId"]!["maxLength"]!);
        Assert.Equal(RoezanContractLimits.NameLength, (int)defs["name"]!["maxLength"]!);
        Assert.Equal(RoezanContractLimits.PhoneLength, (int)defs["phone"]!["maxLength"]!);
        Assert.Equal(RoezanContractLimits.TextLength, (int)defs["text"]!["maxLength"]!);
        var contact = defs["contact"]!["properties"]!;
        Assert.Equal(RoezanContractLimits.EmailLength, (int)contact["email"]!["maxLength"]!);
        Assert.Equal(RoezanContractLimits.TagCount, (int)contact["tags"]!["maxItems"]!);
        Assert.Equal(RoezanContractLimits.TagLength, (int)contact["tags"]!["items"]!["maxLength"]!);
        Assert.Equal(RoezanContractLimits.CustomFieldCount, (int)contact["customFields"]!["maxProperties"]!);
        Assert.Equal(RoezanContractLimits.CustomFieldNameLength, (int)contact["customFields"]!["propertyNames"]!["maxLength"]!);
        Assert.Equal(RoezanContractLimits.CustomFieldValueLength, (int)contact["customFields"]!["additionalProperties"]!["maxLength"]!);
        Assert.Equal(RoezanContractLimits.TitleLength, (int)defs["task"]!["properties"]!["title"]!["maxLength"]!);
    }

    [Fact]
    public void The_schema_lists_exactly_the_known_event_types()
    {
        var types = JsonNode.Parse(File.ReadAllText(SchemaPath))!["properties"]!["type"]!["enum"]!.AsArray().Select(t => (string)t!);
        Assert.Equal(RoezanEventTypes.All, types);
    }

    private static bool ValidatorAccepts(string body, out string errors)
    {
        if (!RoezanEventParser.TryParse(Encoding.UTF8.GetBytes(body), out var evt, out var rejection))
        {
            errors = rejection.ToJson();
            return false;
        }

        var found = RoezanEventValidator.Validate(evt, RoezanSampleEvents.AccountId);
        errors = string.Join("; ", found.Select(e => $"{e.Field}: {e.Message}"));
        return found.Count == 0;
    }

    private static bool SchemaAccepts(string body, out string errors)
    {
        using var document = JsonDocument.Parse(body);
        var result = Schema.Value.Evaluate(document.RootElement, Options);
        errors = string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
        return result.IsValid;
    }
}
