using System.Globalization;
using System.Text.Json.Nodes;

namespace RoezanGhl.GhlSimulator.State;

// Contact records under the lock: creating, applying changes, merging custom fields, finding duplicates.
public sealed partial class SimulatorState
{
    private JsonObject NewContact(SimulatedLocation location, JsonObject fields)
    {
        var now = Now();
        var contact = new JsonObject
        {
            ["id"] = NewId(),
            ["locationId"] = location.Id,
            ["type"] = "lead",
            ["tags"] = new JsonArray(),
            ["customFields"] = new JsonArray(),
            ["dateAdded"] = now,
            ["dateUpdated"] = now,
        };
        var values = (JsonObject)fields.DeepClone();
        values.Remove("id");
        values.Remove("createNewIfDuplicateAllowed");
        _creating = true;
        try
        {
            Apply(contact, values, replaceTags: true);
        }
        finally
        {
            _creating = false;
        }

        contact["dateUpdated"] = now;
        location.Contacts[contact["id"]!.GetValue<string>()] = contact;
        Emit("ContactCreate", contact);
        return contact;
    }

    private void Apply(JsonObject contact, JsonObject changes, bool replaceTags)
    {
        foreach (var (name, value) in changes)
        {
            switch (name)
            {
                case "locationId" or "createNewIfDuplicateAllowed":
                    break;
                case "phone" when value is not null:
                    contact["phone"] = NormalizePhone(value.GetValue<string>());
                    break;
                case "email" when value is not null:
                    contact["email"] = value.GetValue<string>();
                    contact["emailLowerCase"] = value.GetValue<string>().ToLowerInvariant();
                    break;
                case "tags" when value is JsonArray tags:
                    var merged = replaceTags ? [] : TagsOf(contact);
                    merged.AddRange(tags.Select(tag => tag!.GetValue<string>()).Where(tag => !merged.Contains(tag, StringComparer.OrdinalIgnoreCase)));
                    contact["tags"] = new JsonArray([.. merged.Select(tag => (JsonNode)JsonValue.Create(tag))]);
                    break;
                case "customFields" when value is JsonArray fields:
                    MergeCustomFields(contact, fields);
                    break;
                default:
                    contact[name] = value?.DeepClone();
                    break;
            }
        }

        if (changes.ContainsKey("firstName") || changes.ContainsKey("lastName"))
        {
            var full = $"{Text(contact, "firstName")} {Text(contact, "lastName")}".Trim();
            contact["contactName"] = full.ToLowerInvariant();
        }

        Touch(contact);
    }

    private static void MergeCustomFields(JsonObject contact, JsonArray inputs)
    {
        var current = contact["customFields"] as JsonArray ?? [];
        foreach (var input in inputs.OfType<JsonObject>())
        {
            var id = Text(input, "id") ?? Text(input, "key");
            if (id is null)
            {
                continue;
            }

            var existing = current.OfType<JsonObject>().FirstOrDefault(field => Text(field, "id") == id);
            if (existing is null)
            {
                current.Add(new JsonObject { ["id"] = id, ["value"] = input["field_value"]?.DeepClone() });
            }
            else
            {
                existing["value"] = input["field_value"]?.DeepClone();
            }
        }

        contact["customFields"] = current;
    }

    private static void Merge(JsonObject target, JsonObject values)
    {
        foreach (var (name, value) in values)
        {
            target[name] = value?.DeepClone();
        }
    }

    private static (JsonObject Contact, string Field)? FindDuplicate(SimulatedLocation location, string? email, string? phone) =>
        FindByEmail(location, email) is { } byEmail ? (byEmail, "email")
        : FindByPhone(location, phone) is { } byPhone ? (byPhone, "phone")
        : null;

    private static JsonObject? FindByEmail(SimulatedLocation location, string? email) =>
        string.IsNullOrWhiteSpace(email)
            ? null
            : location.Contacts.Values.FirstOrDefault(contact => string.Equals(Text(contact, "email"), email, StringComparison.OrdinalIgnoreCase));

    private static JsonObject? FindByPhone(SimulatedLocation location, string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var normalized = NormalizePhone(phone);
        return location.Contacts.Values.FirstOrDefault(contact => Text(contact, "phone") == normalized);
    }
}
