using RoezanGhl.Core.Planning;
using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// Plan steps' values as GHL request bodies: what <see cref="GhlStepExecutor"/> sends and
/// <see cref="GhlPlanPayloads"/> shows. Contacts: Tags are never put in an upsert or update body (it would replace
/// GHL's), only in a create's (<see cref="CreateContact"/>); <c>companyName</c> only goes into create and upsert bodies (<c>UpdateContactDto</c> has none).
/// </summary>
internal static class GhlContactRequests
{
    public static T Fill<T>(T request, ContactFields fields)
        where T : GhlContactWriteFields
    {
        request.FirstName = fields.FirstName;
        request.LastName = fields.LastName;
        request.Email = fields.Email;
        request.Phone = fields.Phone;
        var other = fields.StandardFields;
        request.Name = other.GetValueOrDefault("name");
        request.Address1 = other.GetValueOrDefault("address1");
        request.City = other.GetValueOrDefault("city");
        request.State = other.GetValueOrDefault("state");
        request.PostalCode = other.GetValueOrDefault("postalCode");
        request.Country = other.GetValueOrDefault("country");
        request.Website = other.GetValueOrDefault("website");
        request.Timezone = other.GetValueOrDefault("timezone");
        request.DateOfBirth = other.GetValueOrDefault("dateOfBirth");
        request.Source = other.GetValueOrDefault("source");
        if (SmsDoNotDisturb.IsOn(fields))
        {
            // Roezan's opt-out: SMS only (GHL's global dnd would also stop calls and email).
            request.DndSettings = new GhlDndSettings { Sms = new GhlDndSetting { Status = SmsDoNotDisturb.Active } };
        }
        if (request is GhlCreateContactRequest create)
        {
            create.CompanyName = other.GetValueOrDefault("companyName");
        }

        var custom = fields.CustomFields.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => GhlCustomFieldInput.Text(pair.Key, pair.Value))
            .Concat(fields.CustomFieldsByKey.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => GhlCustomFieldInput.TextByKey(pair.Key, pair.Value)))
            .ToList();
        request.CustomFields = custom.Count == 0 ? null : custom;
        request.Tags = null;
        return request;
    }

    /// <summary>
    /// The body of a <see cref="CreateContactStep"/>: its fields and its tags. Only a create carries tags: a contact it
    /// makes has none to overwrite (<c>CreateContactDto</c>); one it finds keeps all of its own (the create is refused).
    /// </summary>
    public static GhlCreateContactRequest CreateContact(string locationId, CreateContactStep step)
    {
        var request = Fill(new GhlCreateContactRequest { LocationId = locationId }, step.Fields);
        request.Tags = step.Tags.Count == 0 ? null : [.. step.Tags];
        return request;
    }

    public static GhlCreateTaskRequest CreateTask(TaskFields fields) => new()
    {
        Title = fields.Title ?? throw new InvalidOperationException("A planned task always has a title."),
        Body = fields.Body,
        DueDate = fields.DueDate ?? throw new InvalidOperationException("A planned task always has a due date."),
        Completed = fields.Completed ?? false,
    };

    public static GhlUpdateTaskRequest UpdateTask(TaskFields fields) => new()
    {
        Title = fields.Title,
        Body = fields.Body,
        DueDate = fields.DueDate,
        Completed = fields.Completed,
    };
}
