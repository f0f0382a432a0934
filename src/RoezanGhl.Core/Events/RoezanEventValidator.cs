using System.Text.Json;

namespace RoezanGhl.Core.Events;

/// <summary>
/// The contract rules of roezan-event.schema.json, in code: required members per event type, string
/// lengths, tag and custom field shapes, and the body's account matching the URL's. Every failing field
/// is reported, not just the first. A valid event costs no allocation.
/// </summary>
public static class RoezanEventValidator
{
    private const string Required = "is required";

    private static readonly string UnknownType = "must be one of " + string.Join(", ", RoezanEventTypes.All);

    public static IReadOnlyList<RoezanFieldError> Validate(RoezanEvent evt, string routeAccountId)
    {
        ArgumentNullException.ThrowIfNull(evt);
        List<RoezanFieldError>? errors = null;

        RequiredId(ref errors, evt.Id, "id");
        MaxLength(ref errors, evt.Id, RoezanContractLimits.IdLength, "id");
        if (string.IsNullOrWhiteSpace(evt.Type))
        {
            Add(ref errors, "type", Required);
        }
        else if (!RoezanEventTypes.IsKnown(evt.Type))
        {
            Add(ref errors, "type", UnknownType);
        }

        if (evt.OccurredAt is null)
        {
            Add(ref errors, "occurredAt", Required);
        }

        if (evt.AccountId is not null)
        {
            MaxLength(ref errors, evt.AccountId, RoezanContractLimits.IdLength, "accountId");
            if (!string.Equals(evt.AccountId, routeAccountId, StringComparison.OrdinalIgnoreCase))
            {
                Add(ref errors, "accountId", "must equal the account in the webhook URL");
            }
        }

        if (evt.Data is not { } data)
        {
            Add(ref errors, "data", Required);
            return (IReadOnlyList<RoezanFieldError>?)errors ?? [];
        }

        if (data.Contact is { } contact)
        {
            ContactShape(ref errors, contact);
        }

        if (data.Message is { } message)
        {
            MessageShape(ref errors, message);
        }

        if (data.Task is { } task)
        {
            TaskShape(ref errors, task);
        }

        if (data.Note is { } note)
        {
            NoteShape(ref errors, note);
        }

        RequiredForType(ref errors, evt.Type, data);
        return (IReadOnlyList<RoezanFieldError>?)errors ?? [];
    }

    private static void RequiredForType(ref List<RoezanFieldError>? errors, string? type, RoezanEventData data)
    {
        if (RoezanEventTypes.IsContactEvent(type))
        {
            if (data.Contact is not { } contact)
            {
                Add(ref errors, "data.contact", Required);
                return;
            }

            RequiredId(ref errors, contact.Id, "data.contact.id");
            if (string.IsNullOrWhiteSpace(contact.Phone) && string.IsNullOrWhiteSpace(contact.Email))
            {
                Add(ref errors, "data.contact", "must have a phone or an email");
            }
        }
        else if (type == RoezanEventTypes.MessageReceived)
        {
            if (data.Message is not { } message)
            {
                Add(ref errors, "data.message", Required);
                return;
            }

            RequiredId(ref errors, message.Id, "data.message.id");
            RequiredText(ref errors, message.From, "data.message.from");
            RequiredText(ref errors, message.Body, "data.message.body");
            if (message.ReceivedAt is null)
            {
                Add(ref errors, "data.message.receivedAt", Required);
            }
        }
        else if (type == RoezanEventTypes.MessageStatus)
        {
            if (data.Message is not { } status)
            {
                Add(ref errors, "data.message", Required);
                return;
            }

            RequiredId(ref errors, status.Id, "data.message.id");
            RequiredText(ref errors, status.Status, "data.message.status");
        }
        else if (RoezanEventTypes.IsTaskEvent(type))
        {
            if (data.Task is not { } task)
            {
                Add(ref errors, "data.task", Required);
                return;
            }

            RequiredId(ref errors, task.Id, "data.task.id");
            RequiredId(ref errors, task.ContactId, "data.task.contactId");
            if (type == RoezanEventTypes.TaskCreated)
            {
                RequiredText(ref errors, task.Title, "data.task.title");
                if (task.DueDate is null)
                {
                    Add(ref errors, "data.task.dueDate", Required);
                }
            }
        }
        else if (type == RoezanEventTypes.NoteCreated)
        {
            if (data.Note is not { } note)
            {
                Add(ref errors, "data.note", Required);
                return;
            }

            RequiredId(ref errors, note.Id, "data.note.id");
            RequiredId(ref errors, note.ContactId, "data.note.contactId");
            RequiredText(ref errors, note.Body, "data.note.body");
        }
    }

    private static void ContactShape(ref List<RoezanFieldError>? errors, RoezanContact contact)
    {
        MaxLength(ref errors, contact.Id, RoezanContractLimits.IdLength, "data.contact.id");
        MaxLength(ref errors, contact.FirstName, RoezanContractLimits.NameLength, "data.contact.firstName");
        MaxLength(ref errors, contact.LastName, RoezanContractLimits.NameLength, "data.contact.lastName");
        MaxLength(ref errors, contact.Phone, RoezanContractLimits.PhoneLength, "data.contact.phone");
        MaxLength(ref errors, contact.Email, RoezanContractLimits.EmailLength, "data.contact.email");
        MaxLength(ref errors, contact.Note, RoezanContractLimits.TextLength, "data.contact.note");

        if (contact.Tags is { } tags)
        {
            if (tags.Count > RoezanContractLimits.TagCount)
            {
                Add(ref errors, "data.contact.tags", $"must have at most {RoezanContractLimits.TagCount} tags");
            }

            for (var i = 0; i < tags.Count; i++)
            {
                if (tags[i] is null)
                {
                    Add(ref errors, $"data.contact.tags[{i}]", "must be a string");
                }
                else if (ExceedsLength(tags[i], RoezanContractLimits.TagLength))
                {
                    Add(ref errors, $"data.contact.tags[{i}]", $"must be at most {RoezanContractLimits.TagLength} characters");
                }
            }
        }

        if (contact.CustomFields is { } fields)
        {
            if (fields.Count > RoezanContractLimits.CustomFieldCount)
            {
                Add(ref errors, "data.contact.customFields", $"must have at most {RoezanContractLimits.CustomFieldCount} fields");
            }

            foreach (var (name, value) in fields)
            {
                if (string.IsNullOrWhiteSpace(name) || ExceedsLength(name, RoezanContractLimits.CustomFieldNameLength))
                {
                    Add(ref errors, "data.contact.customFields", $"field names must be 1 to {RoezanContractLimits.CustomFieldNameLength} characters and not blank");
                    continue;
                }

                switch (value.ValueKind)
                {
                    case JsonValueKind.String:
                        if (ExceedsLength(value.GetString(), RoezanContractLimits.CustomFieldValueLength))
                        {
                            Add(ref errors, $"data.contact.customFields.{name}", $"must be at most {RoezanContractLimits.CustomFieldValueLength} characters");
                        }

                        break;
                    case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                        break;
                    default:
                        Add(ref errors, $"data.contact.customFields.{name}", "must be a string, number or boolean");
                        break;
                }
            }
        }
    }

    private static void MessageShape(ref List<RoezanFieldError>? errors, RoezanMessage message)
    {
        MaxLength(ref errors, message.Id, RoezanContractLimits.IdLength, "data.message.id");
        MaxLength(ref errors, message.From, RoezanContractLimits.PhoneLength, "data.message.from");
        MaxLength(ref errors, message.FromName, RoezanContractLimits.NameLength, "data.message.fromName");
        MaxLength(ref errors, message.Body, RoezanContractLimits.TextLength, "data.message.body");
        MaxLength(ref errors, message.ContactId, RoezanContractLimits.IdLength, "data.message.contactId");
        MaxLength(ref errors, message.Status, RoezanContractLimits.IdLength, "data.message.status");
        MaxLength(ref errors, message.ErrorCode, RoezanContractLimits.IdLength, "data.message.errorCode");
        MaxLength(ref errors, message.ErrorMessage, RoezanContractLimits.ErrorMessageLength, "data.message.errorMessage");
    }

    private static void TaskShape(ref List<RoezanFieldError>? errors, RoezanTask task)
    {
        MaxLength(ref errors, task.Id, RoezanContractLimits.IdLength, "data.task.id");
        MaxLength(ref errors, task.ContactId, RoezanContractLimits.IdLength, "data.task.contactId");
        MaxLength(ref errors, task.Title, RoezanContractLimits.TitleLength, "data.task.title");
        MaxLength(ref errors, task.Body, RoezanContractLimits.TextLength, "data.task.body");
    }

    private static void NoteShape(ref List<RoezanFieldError>? errors, RoezanNote note)
    {
        MaxLength(ref errors, note.Id, RoezanContractLimits.IdLength, "data.note.id");
        MaxLength(ref errors, note.ContactId, RoezanContractLimits.IdLength, "data.note.contactId");
        MaxLength(ref errors, note.Body, RoezanContractLimits.TextLength, "data.note.body");
    }

    /// <summary>Required and not blank; the length is checked with the member's shape.</summary>
    private static void RequiredId(ref List<RoezanFieldError>? errors, string? value, string field) =>
        RequiredText(ref errors, value, field);

    private static void RequiredText(ref List<RoezanFieldError>? errors, string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(ref errors, field, Required);
        }
    }

    private static void MaxLength(ref List<RoezanFieldError>? errors, string? value, int max, string field)
    {
        if (ExceedsLength(value, max))
        {
            Add(ref errors, field, $"must be at most {max} characters");
        }
    }

    /// <summary>Counts Unicode code points, as JSON Schema's maxLength does, so that emoji count once.</summary>
    internal static bool ExceedsLength(string? value, int max)
    {
        if (value is null || value.Length <= max)
        {
            return false;
        }

        var codePoints = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }

            if (++codePoints > max)
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(ref List<RoezanFieldError>? errors, string field, string message) =>
        (errors ??= []).Add(new RoezanFieldError(field, message));
}
