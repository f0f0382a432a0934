using System.Globalization;
using System.Text.Json.Nodes;

namespace RoezanGhl.LoadHarness.Workload;

/// <summary>The webhook body Roezan sends for a scripted event (the contract in roezan-event.schema.json).</summary>
public static class RoezanEventBodies
{
    public static string Build(ScriptedEvent scripted, DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(scripted);
        var data = scripted.Kind switch
        {
            EventKind.MessageFromKnownContact => Message(scripted, scripted.Contact!.LocalPhone, $"{scripted.Contact.FirstName} {scripted.Contact.LastName}", scripted.Contact.RoezanContactId, occurredAt),
            EventKind.MessageFollowUp or EventKind.MessageFromNewNumber => Message(scripted, scripted.LocalPhone!, $"{scripted.FirstName} {scripted.LastName}", null, occurredAt),
            EventKind.ContactUpdated => new JsonObject
            {
                // Roezan sends the whole record; the last name (sometimes the first name, sometimes a tag) changed.
                ["contact"] = Contact(scripted.Contact!.RoezanContactId, scripted.FirstName ?? scripted.Contact.FirstName, scripted.LastName!, scripted.Contact.LocalPhone, scripted.Contact.Email, scripted.NewTag is null ? ["customer"] : ["customer", scripted.NewTag]),
            },
            EventKind.ContactCreated => new JsonObject
            {
                ["contact"] = Contact(scripted.RoezanContactId!, scripted.FirstName!, scripted.LastName!, scripted.LocalPhone!, scripted.Email!, scripted.NewTag is null ? [] : [scripted.NewTag]),
            },
            EventKind.TaskCreated => new JsonObject
            {
                ["task"] = new JsonObject
                {
                    ["id"] = scripted.RoezanTaskId,
                    ["contactId"] = scripted.Contact!.RoezanContactId,
                    ["title"] = scripted.Text,
                    ["body"] = "Asked for it by SMS",
                    ["dueDate"] = Time(scripted.DueDate!.Value),
                    ["completed"] = false,
                },
            },
            EventKind.TaskUpdated => new JsonObject
            {
                ["task"] = new JsonObject
                {
                    ["id"] = scripted.RoezanTaskId,
                    ["contactId"] = scripted.Contact!.RoezanContactId,
                    ["title"] = scripted.Text,
                    ["body"] = scripted.Contact.TaskBody,
                    ["dueDate"] = Time(scripted.Contact.TaskDueDate),
                    ["completed"] = false,
                },
            },
            EventKind.TaskCompleted => new JsonObject
            {
                ["task"] = new JsonObject { ["id"] = scripted.RoezanTaskId, ["contactId"] = scripted.Contact!.RoezanContactId, ["completed"] = true },
            },
            _ => new JsonObject
            {
                ["note"] = new JsonObject { ["id"] = "n-" + scripted.EventId, ["contactId"] = scripted.Contact!.RoezanContactId, ["body"] = scripted.Text },
            },
        };

        return new JsonObject
        {
            ["id"] = scripted.EventId,
            ["type"] = scripted.EventType,
            ["occurredAt"] = Time(occurredAt),
            ["accountId"] = scripted.Location.AccountId,
            ["data"] = data,
        }.ToJsonString();
    }

    private static JsonObject Message(ScriptedEvent scripted, string from, string fromName, string? contactId, DateTimeOffset at)
    {
        var message = new JsonObject
        {
            ["id"] = scripted.MessageId,
            ["from"] = from,
            ["fromName"] = fromName,
            ["body"] = scripted.Text,
            ["receivedAt"] = Time(at),
        };
        if (contactId is not null)
        {
            message["contactId"] = contactId;
        }

        return new JsonObject { ["message"] = message };
    }

    private static JsonObject Contact(string id, string firstName, string lastName, string phone, string email, string[] tags)
    {
        var contact = new JsonObject
        {
            ["id"] = id,
            ["firstName"] = firstName,
            ["lastName"] = lastName,
            ["phone"] = phone,
            ["email"] = email,
        };
        if (tags.Length > 0)
        {
            contact["tags"] = new JsonArray([.. tags.Select(tag => (JsonNode)JsonValue.Create(tag))]);
        }

        return contact;
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
