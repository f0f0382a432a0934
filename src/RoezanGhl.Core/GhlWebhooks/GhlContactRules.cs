using System.Text.Json;

namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>The contact members of the contract: the id, the lengths of what is mapped, tags, custom fields, DND.</summary>
internal static class GhlContactRules
{
    public static void Check(GhlFieldErrorList errors, GhlContactEvent contact)
    {
        errors.Required(contact.Id, GhlContractLimits.IdLength, "/id");
        errors.Bounded(contact.FirstName, GhlContractLimits.NameLength, "/firstName");
        errors.Bounded(contact.LastName, GhlContractLimits.NameLength, "/lastName");
        errors.Bounded(contact.Name, GhlContractLimits.NameLength, "/name");
        errors.Bounded(contact.Email, GhlContractLimits.EmailLength, "/email");
        errors.Bounded(contact.Phone, GhlContractLimits.PhoneLength, "/phone");
        errors.Strings(contact.Tags, GhlContractLimits.TagCount, GhlContractLimits.TagLength, "/tags");
        CustomFields(errors, contact.CustomFields);
        if (contact.DndSettings is { } dnd)
        {
            Channel(errors, dnd.Sms, "SMS");
            Channel(errors, dnd.Call, "Call");
            Channel(errors, dnd.Email, "Email");
            Channel(errors, dnd.WhatsApp, "WhatsApp");
            Channel(errors, dnd.Gmb, "GMB");
            Channel(errors, dnd.Fb, "FB");
        }
    }

    private static void CustomFields(GhlFieldErrorList errors, List<GhlCustomFieldValue?>? fields)
    {
        if (fields is null)
        {
            return;
        }

        if (fields.Count > GhlContractLimits.CustomFieldCount)
        {
            errors.Add("/customFields", $"must have at most {GhlContractLimits.CustomFieldCount} items");
        }

        for (var i = 0; i < fields.Count; i++)
        {
            var pointer = GhlJsonPointer.Item("/customFields", i);
            if (fields[i] is not { } field)
            {
                errors.Add(pointer, "must be an object");
                continue;
            }

            errors.Required(field.Id, GhlContractLimits.IdLength, pointer + "/id");
            if (field.Value is { ValueKind: JsonValueKind.String } text)
            {
                errors.Bounded(text.GetString(), GhlContractLimits.CustomFieldValueLength, pointer + "/value");
            }
        }
    }

    private static void Channel(GhlFieldErrorList errors, GhlDndChannel? channel, string name) =>
        errors.Bounded(channel?.Status, GhlContractLimits.StatusLength, $"/dndSettings/{name}/status");
}
