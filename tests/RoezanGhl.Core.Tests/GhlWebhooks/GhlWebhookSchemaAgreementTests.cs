using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Nodes;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Core.Tests.GhlWebhooks;

/// <summary>
/// The published schemas and the parser + validator say the same about the same bodies. (Duplicate member
/// names and nesting depth are the parser's alone: a JSON Schema cannot see them.)
/// </summary>
public class GhlWebhookSchemaAgreementTests
{
    private const string Head = """ "webhookId":"w","timestamp":"2026-11-24T10:00:00.5+05:30","locationId":"l" """;

    public static TheoryData<string> ValidBodies() =>
    [
        JsonTemplate.Fill("""{ $0,"type":"ContactCreate","id":"c","email":null,"phone":null,"tags":null,"dnd":null,"dndSettings":null,"customFields":null}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"c","tags":[],"customFields":[{"id":"f","value":-1.5e3},{"id":"g","value":{"a":[1]}},{"id":"h","value":null},{"id":"i","value":true}]}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"ContactDndUpdate","id":"c","dnd":true,"dndSettings":{"SMS":{"status":"permanent"},"Call":null,"Other":{"status":1}}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"ContactTagUpdate","id":"c","firstName":"$1"}""", Head, string.Concat(Enumerable.Repeat("😀", GhlContractLimits.NameLength))),
        JsonTemplate.Fill("""{ $0,"type":"ContactDelete","id":"c","address1":{"any":"thing"},"dateAdded":null,"dateUpdated":"2026-01-01T00:00:00Z"}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"NoteCreate","id":"n","contactId":"c","body":null}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"TaskCreate","id":"t","contactId":null,"dueDate":"2026-12-01T09:00:00-05:00"}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"TaskComplete","id":"t"}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"AppointmentUpdate","appointment":{"id":"a","startTime":null,"users":[1,2]}}""", Head),
        """{"type":"InboundMessage","webhookId":"w","timestamp":"2026-11-24T10:00:00Z","body":5,"tags":"x"}""",
        """{"type":"AppUninstall","webhookId":"w","timestamp":"2026-11-24T10:00:00Z","locationId":null}""",
    ];

    public static TheoryData<string> InvalidBodies() =>
    [
        """{"type":"ContactCreate","timestamp":"2026-11-24T10:00:00Z","locationId":"l","id":"c"}""",
        """{"type":"ContactCreate","webhookId":" ","timestamp":"2026-11-24T10:00:00Z","locationId":"l","id":"c"}""",
        """{"type":"ContactCreate","webhookId":"w","locationId":"l","id":"c"}""",
        """{"type":"ContactCreate","webhookId":"w","timestamp":null,"locationId":"l","id":"c"}""",
        """{"type":"ContactCreate","webhookId":"w","timestamp":"2026-11-24","locationId":"l","id":"c"}""",
        """{"type":"ContactCreate","webhookId":"w","timestamp":"2026-11-24T10:00:00","locationId":"l","id":"c"}""",
        """{"type":"ContactCreate","webhookId":"w","timestamp":"yesterday","locationId":"l","id":"c"}""",
        """{"type":"ContactCreate","webhookId":"w","timestamp":"2026-11-24T10:00:00Z","id":"c"}""",
        """{"webhookId":"w","timestamp":"2026-11-24T10:00:00Z"}""",
        """{"type":"","webhookId":"w","timestamp":"2026-11-24T10:00:00Z"}""",
        """{"type":7,"webhookId":"w","timestamp":"2026-11-24T10:00:00Z"}""",
        JsonTemplate.Fill("""{"type":"$1","webhookId":"w","timestamp":"2026-11-24T10:00:00Z"}""", "", new string('T', GhlContractLimits.TypeLength + 1)),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate"}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"  "}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"$1"}""", Head, new string('c', GhlContractLimits.IdLength + 1)),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"c","firstName":"$1"}""", Head, string.Concat(Enumerable.Repeat("😀", GhlContractLimits.NameLength + 1))),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"c","email":"$1"}""", Head, new string('e', GhlContractLimits.EmailLength + 1)),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"c","phone":5550123}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"c","tags":"vip"}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"c","tags":["a",null]}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"c","tags":["$1"]}""", Head, new string('t', GhlContractLimits.TagLength + 1)),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"c","dnd":"false"}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"c","dndSettings":[]}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"c","dndSettings":{"SMS":"active"}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"c","dndSettings":{"SMS":{"status":"$1"}}}""", Head, new string('s', GhlContractLimits.StatusLength + 1)),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"c","customFields":{"f":"x"}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"c","customFields":[{"value":"x"}]}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"c","customFields":[null]}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"c","customFields":[{"id":"f","value":"$1"}]}""", Head, new string('v', GhlContractLimits.CustomFieldValueLength + 1)),
        JsonTemplate.Fill("""{ $0,"type":"ContactUpdate","id":"c","dateAdded":"26/11/2021"}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"NoteCreate","id":"n"}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"NoteCreate","id":"n","contactId":"c","body":"$1"}""", Head, new string('b', GhlContractLimits.TextLength + 1)),
        JsonTemplate.Fill("""{ $0,"type":"TaskCreate","contactId":"c"}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"TaskComplete","id":"t","title":"$1"}""", Head, new string('t', GhlContractLimits.TitleLength + 1)),
        JsonTemplate.Fill("""{ $0,"type":"TaskComplete","id":"t","dueDate":"tomorrow"}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"AppointmentCreate"}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"AppointmentCreate","appointment":null}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"AppointmentCreate","appointment":{"title":"x"}}""", Head),
        JsonTemplate.Fill("""{ $0,"type":"AppointmentCreate","appointment":{"id":"a","endTime":"16:00"}}""", Head),
        "[]",
        "\"ContactUpdate\"",
    ];

    public static TheoryData<string> ValidProviderBodies() =>
    [
        """{"type":"SMS","locationId":"l","contactId":"c","messageId":"m"}""",
        """{"type":"Email","locationId":"l","contactId":"c","messageId":"m","emailTo":["x@example.com"],"attachments":null,"timestamp":null}""",
        """{"type":"SMS","locationId":"l","contactId":"c","messageId":"m","webhookId":"w","timestamp":"2026-11-24T10:00:00Z","attachments":["u"]}""",
    ];

    public static TheoryData<string> InvalidProviderBodies() =>
    [
        """{"locationId":"l","contactId":"c","messageId":"m"}""",
        """{"type":"SMS","contactId":"c","messageId":"m"}""",
        """{"type":"SMS","locationId":"l","messageId":"m"}""",
        """{"type":"SMS","locationId":"l","contactId":"c","messageId":" "}""",
        """{"type":"SMS","locationId":"l","contactId":"c","messageId":"m","timestamp":"now"}""",
        """{"type":"SMS","locationId":"l","contactId":"c","messageId":"m","attachments":"u"}""",
        """{"type":"SMS","locationId":"l","contactId":"c","messageId":"m","phone":["+12015550123"]}""",
        JsonTemplate.Fill("""{"type":"SMS","locationId":"l","contactId":"c","messageId":"m","attachments":$1}""", "",
            "[" + string.Join(",", Enumerable.Repeat("\"u\"", GhlContractLimits.AttachmentCount + 1)) + "]"),
    ];

    [Theory]
    [MemberData(nameof(ValidBodies))]
    public void The_schema_and_the_validator_both_accept_a_valid_body(string body)
    {
        Assert.True(ValidatorAccepts(body, provider: false, out var errors), errors);
        Assert.True(GhlWebhookSchemas.Accepts(GhlWebhookSchemas.Webhook, body, out errors), errors);
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public void The_schema_and_the_validator_both_reject_an_invalid_body(string body)
    {
        Assert.False(ValidatorAccepts(body, provider: false, out _), "the validator accepted it");
        Assert.False(GhlWebhookSchemas.Accepts(GhlWebhookSchemas.Webhook, body, out _), "the schema accepted it");
    }

    [Theory]
    [MemberData(nameof(ValidProviderBodies))]
    public void The_provider_schema_and_the_validator_both_accept_a_valid_message(string body)
    {
        Assert.True(ValidatorAccepts(body, provider: true, out var errors), errors);
        Assert.True(GhlWebhookSchemas.Accepts(GhlWebhookSchemas.ProviderOutboundMessage, body, out errors), errors);
    }

    [Theory]
    [MemberData(nameof(InvalidProviderBodies))]
    public void The_provider_schema_and_the_validator_both_reject_an_invalid_message(string body)
    {
        Assert.False(ValidatorAccepts(body, provider: true, out _), "the validator accepted it");
        Assert.False(GhlWebhookSchemas.Accepts(GhlWebhookSchemas.ProviderOutboundMessage, body, out _), "the schema accepted it");
    }

    [Fact]
    public void The_schema_bounds_are_the_validators_bounds()
    {
        var schema = JsonNode.Parse(File.ReadAllText(GhlWebhookSchemas.WebhookPath))!;
        var defs = schema["$defs"]!;
        Assert.Equal(GhlContractLimits.IdLength, (int)defs["id"]!["maxLength"]!);
        Assert.Equal(GhlContractLimits.IdLength, (int)defs["optionalId"]!["maxLength"]!);
        Assert.Equal(GhlContractLimits.TypeLength, (int)defs["typeName"]!["maxLength"]!);
        Assert.Equal(GhlContractLimits.NameLength, (int)defs["name"]!["maxLength"]!);
        Assert.Equal(GhlContractLimits.StatusLength, (int)defs["status"]!["maxLength"]!);
        Assert.Equal(GhlContractLimits.TextLength, (int)defs["text"]!["maxLength"]!);
        var contact = defs["contactEvent"]!["properties"]!;
        Assert.Equal(GhlContractLimits.EmailLength, (int)contact["email"]!["maxLength"]!);
        Assert.Equal(GhlContractLimits.PhoneLength, (int)contact["phone"]!["maxLength"]!);
        Assert.Equal(GhlContractLimits.TagCount, (int)contact["tags"]!["maxItems"]!);
        Assert.Equal(GhlContractLimits.TagLength, (int)contact["tags"]!["items"]!["maxLength"]!);
        Assert.Equal(GhlContractLimits.CustomFieldCount, (int)contact["customFields"]!["maxItems"]!);
        Assert.Equal(GhlContractLimits.CustomFieldValueLength, (int)contact["customFields"]!["items"]!["properties"]!["value"]!["maxLength"]!);
        Assert.Equal(GhlContractLimits.TitleLength, (int)defs["appointment"]!["properties"]!["title"]!["maxLength"]!);
        Assert.Equal(GhlContractLimits.TitleLength, (int)schema["allOf"]![2]!["then"]!["properties"]!["title"]!["maxLength"]!);

        var provider = JsonNode.Parse(File.ReadAllText(GhlWebhookSchemas.ProviderPath))!["properties"]!;
        Assert.Equal(GhlContractLimits.TextLength, (int)provider["message"]!["maxLength"]!);
        Assert.Equal(GhlContractLimits.AttachmentCount, (int)provider["attachments"]!["maxItems"]!);
        Assert.Equal(GhlContractLimits.UrlLength, (int)provider["attachments"]!["items"]!["maxLength"]!);
    }

    [Fact]
    public void The_schema_describes_exactly_the_types_the_parser_models()
    {
        var schema = JsonNode.Parse(File.ReadAllText(GhlWebhookSchemas.WebhookPath))!;
        var types = schema["allOf"]!.AsArray().SelectMany(rule =>
        {
            var type = rule!["if"]!["properties"]!["type"]!;
            return type["enum"] is JsonArray values ? values.Select(v => (string)v!) : [(string)type["const"]!];
        });

        Assert.Equal(GhlWebhookEventTypes.All.Order(), types.Order());
    }

    private static bool ValidatorAccepts(string body, bool provider, out string errors)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        if (!TryParse(bytes, provider, out var evt, out var rejection))
        {
            errors = rejection.ToString() + " " + string.Join("; ", rejection.Errors);
            return false;
        }

        var found = GhlWebhookValidator.Validate(evt);
        errors = string.Join("; ", found.Select(e => $"{e.Field}: {e.Message}"));
        return found.Count == 0;
    }

    private static bool TryParse(byte[] body, bool provider, [NotNullWhen(true)] out GhlWebhookEvent? evt, [NotNullWhen(false)] out GhlWebhookRejection? rejection)
    {
        if (!provider)
        {
            return GhlWebhookParser.TryParse(body, out evt, out rejection);
        }

        var parsed = GhlWebhookParser.TryParseProviderOutboundMessage(body, out var message, out rejection);
        evt = message;
        return parsed;
    }
}
