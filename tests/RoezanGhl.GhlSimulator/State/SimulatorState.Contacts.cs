using System.Globalization;
using System.Text.Json.Nodes;

namespace RoezanGhl.GhlSimulator.State;

// The contacts API: create, upsert, read, update, delete, list, duplicates, tags.
public sealed partial class SimulatorState
{
    public SimResponse CreateContact(string? tokenLocation, JsonObject body) =>
        InBodyLocation(tokenLocation, body, SimulatorFields.CreateContact, location =>
        {
            if (!_settings.AllowDuplicates && FindDuplicate(location, Text(body, "email"), Text(body, "phone")) is { } duplicate)
            {
                return SimResponse.Error(400, "This location does not allow duplicated contacts.", new JsonObject
                {
                    ["contactId"] = duplicate.Contact["id"]!.GetValue<string>(),
                    ["matchingField"] = duplicate.Field,
                });
            }

            var contact = NewContact(location, body);
            return GhostOr(SimResponse.Created(new JsonObject { ["contact"] = contact.DeepClone() }));
        });

    /// <summary>
    /// Upsert as GHL does it, quirk included: when the email matches one contact and the phone
    /// another, the email's contact is updated, the phone is silently dropped and that contact is
    /// returned.
    /// </summary>
    public SimResponse UpsertContact(string? tokenLocation, JsonObject body) =>
        InBodyLocation(tokenLocation, body, SimulatorFields.UpsertContact, location =>
        {
            var createAnyway = _settings.AllowDuplicates && body["createNewIfDuplicateAllowed"]?.GetValue<bool>() == true;
            var byEmail = FindByEmail(location, Text(body, "email"));
            var byPhone = FindByPhone(location, Text(body, "phone"));
            var target = createAnyway ? null : byEmail ?? byPhone;
            if (target is null)
            {
                var created = NewContact(location, body);
                return GhostOr(SimResponse.Ok(new JsonObject { ["new"] = true, ["contact"] = created.DeepClone(), ["traceId"] = Guid.NewGuid().ToString() }));
            }

            var changes = (JsonObject)body.DeepClone();
            if (byEmail is not null && byPhone is not null && !ReferenceEquals(byEmail, byPhone))
            {
                changes.Remove("phone");
            }

            Apply(target, changes, replaceTags: false);
            return SimResponse.Ok(new JsonObject { ["new"] = false, ["contact"] = target.DeepClone(), ["traceId"] = Guid.NewGuid().ToString() });
        });

    public SimResponse GetContact(string? tokenLocation, string contactId)
    {
        lock (_gate)
        {
            return WithContact(tokenLocation, contactId, (_, contact) => SimResponse.Ok(new JsonObject { ["contact"] = contact.DeepClone() }));
        }
    }

    public SimResponse UpdateContact(string? tokenLocation, string contactId, JsonObject body)
    {
        var invalid = Validate(body, SimulatorFields.UpdateContact, []);
        if (invalid is not null)
        {
            return invalid;
        }

        lock (_gate)
        {
            return WithContact(tokenLocation, contactId, (_, contact) =>
            {
                Apply(contact, body, replaceTags: true);
                return SimResponse.Ok(new JsonObject { ["succeded"] = true, ["contact"] = contact.DeepClone() });
            });
        }
    }

    public SimResponse DeleteContact(string? tokenLocation, string contactId)
    {
        lock (_gate)
        {
            return WithContact(tokenLocation, contactId, (location, _) =>
            {
                if (location.Contacts.Remove(contactId, out var removed))
                {
                    Emit("ContactDelete", removed);
                }

                location.Notes.Remove(contactId);
                location.Tasks.Remove(contactId);
                return SimResponse.Ok(new JsonObject { ["succeded"] = true });
            });
        }
    }

    /// <summary><c>GET /contacts/</c>: ordered by (dateAdded, id), cursor <c>startAfter</c> + <c>startAfterId</c>.</summary>
    public SimResponse ListContacts(string? tokenLocation, string? locationId, string? query, int limit, long? startAfter, string? startAfterId)
    {
        if (string.IsNullOrEmpty(locationId))
        {
            return SimResponse.Invalid(["locationId should not be empty"]);
        }

        if (limit is < 1 or > 100)
        {
            return SimResponse.Invalid(["limit must not be greater than 100"]);
        }

        lock (_gate)
        {
            if (Authorize(tokenLocation, locationId) is { } denied)
            {
                return denied;
            }

            var matching = Location(locationId).Contacts.Values
                .Where(contact => Matches(contact, query))
                .OrderBy(AddedMs).ThenBy(contact => contact["id"]!.GetValue<string>(), StringComparer.Ordinal)
                .ToList();
            var after = matching.AsEnumerable();
            if (startAfter is { } afterMs)
            {
                after = after.Where(contact => AddedMs(contact) > afterMs
                    || (AddedMs(contact) == afterMs && string.CompareOrdinal(contact["id"]!.GetValue<string>(), startAfterId ?? "") > 0));
            }
            else if (!string.IsNullOrEmpty(startAfterId))
            {
                var index = matching.FindIndex(contact => contact["id"]!.GetValue<string>() == startAfterId);
                after = index < 0 ? [] : matching.Skip(index + 1);
            }

            var page = after.Take(limit).ToList();
            var meta = new JsonObject { ["total"] = matching.Count, ["currentPage"] = null, ["nextPage"] = null, ["prevPage"] = null };
            if (page.Count > 0)
            {
                var last = page[^1];
                var lastId = last["id"]!.GetValue<string>();
                meta["startAfterId"] = lastId;
                meta["startAfter"] = AddedMs(last);
                meta["nextPageUrl"] = $"/contacts/?locationId={Uri.EscapeDataString(locationId)}&startAfter={AddedMs(last)}&startAfterId={lastId}";
            }

            return SimResponse.Ok(new JsonObject
            {
                ["contacts"] = new JsonArray([.. page.Select(contact => contact.DeepClone())]),
                ["count"] = matching.Count,
                ["meta"] = meta,
            });
        }
    }

    /// <summary><c>GET /contacts/business/{businessId}</c>: paged by skip/limit.</summary>
    public SimResponse ListBusinessContacts(string? tokenLocation, string? locationId, string businessId, string? query, int limit, int skip)
    {
        if (string.IsNullOrEmpty(locationId))
        {
            return SimResponse.Invalid(["locationId should not be empty"]);
        }

        if (limit is < 1 or > 100 || skip < 0)
        {
            return SimResponse.Invalid(["limit must be between 1 and 100 and skip must not be negative"]);
        }

        lock (_gate)
        {
            if (Authorize(tokenLocation, locationId) is { } denied)
            {
                return denied;
            }

            var matching = Location(locationId).Contacts.Values
                .Where(contact => Text(contact, "businessId") == businessId && Matches(contact, query))
                .OrderBy(AddedMs).ThenBy(contact => contact["id"]!.GetValue<string>(), StringComparer.Ordinal)
                .ToList();
            return SimResponse.Ok(new JsonObject
            {
                ["contacts"] = new JsonArray([.. matching.Skip(skip).Take(limit).Select(contact => contact.DeepClone())]),
                ["count"] = matching.Count,
            });
        }
    }

    /// <summary><c>GET /contacts/search/duplicate</c>: the email match first, else the phone match, else null.</summary>
    public SimResponse FindDuplicateContact(string? tokenLocation, string? locationId, string? number, string? email)
    {
        if (string.IsNullOrEmpty(locationId))
        {
            return SimResponse.Invalid(["locationId should not be empty"]);
        }

        lock (_gate)
        {
            if (Authorize(tokenLocation, locationId) is { } denied)
            {
                return denied;
            }

            var found = FindDuplicate(Location(locationId), email, number);
            return SimResponse.Ok(new JsonObject { ["contact"] = found?.Contact.DeepClone() });
        }
    }

    public SimResponse ChangeTags(string? tokenLocation, string contactId, JsonObject body, bool add)
    {
        if (body["tags"] is not JsonArray tags || tags.Any(tag => tag?.GetValueKind() != System.Text.Json.JsonValueKind.String))
        {
            return SimResponse.Invalid(["tags must be an array of strings"]);
        }

        lock (_gate)
        {
            return WithContact(tokenLocation, contactId, (_, contact) =>
            {
                var current = TagsOf(contact);
                foreach (var tag in tags.Select(tag => tag!.GetValue<string>()))
                {
                    if (add && !current.Contains(tag, StringComparer.OrdinalIgnoreCase))
                    {
                        current.Add(tag);
                    }
                    else if (!add)
                    {
                        current.RemoveAll(existing => string.Equals(existing, tag, StringComparison.OrdinalIgnoreCase));
                    }
                }

                contact["tags"] = new JsonArray([.. current.Select(tag => (JsonNode)JsonValue.Create(tag))]);
                Touch(contact);
                return new SimResponse(add ? 201 : 200, new JsonObject { ["tags"] = contact["tags"]!.DeepClone() });
            });
        }
    }
}
