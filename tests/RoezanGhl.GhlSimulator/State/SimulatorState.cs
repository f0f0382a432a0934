using System.Globalization;
using System.Text.Json.Nodes;

namespace RoezanGhl.GhlSimulator.State;

/// <summary>
/// The simulator's whole state as a plain class: locations with their contacts, notes, tasks and
/// appointments, rate windows, fault settings, counters and recorded requests. The HTTP endpoints are
/// thin wrappers over its methods, so tests in the same process can arrange and assert on it directly.
/// Thread-safe: one lock guards the data.
/// </summary>
public sealed partial class SimulatorState
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly string[] SearchableFields = ["firstName", "lastName", "email", "phone", "companyName"];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatedLocation> _locations = new(StringComparer.Ordinal);
    private readonly List<RecordedRequest> _recorded = [];
    private SimulatorSettings _settings;
    private Random _random;
    private int _serverErrorsLeft;
    private int _ghostWritesLeft;

    private bool _creating;
    private bool _seeding;

    public SimulatorState(SimulatorSettings? settings = null, TimeProvider? timeProvider = null)
    {
        Time = timeProvider ?? TimeProvider.System;
        _settings = settings ?? new SimulatorSettings();
        _random = new Random(_settings.Seed);
        _serverErrorsLeft = _settings.ServerErrorBurst;
        _ghostWritesLeft = _settings.GhostWriteCount;
        Counters = new SimulatorCounters(Time.GetUtcNow());
        Conversations = new SimulatedConversations(this);
    }

    public TimeProvider Time { get; }

    /// <summary>
    /// Raised, under the state's lock, for each contact created, changed or deleted through the API or by a GHL user
    /// (not by seeds): the GHL event type and a copy of the contact. <see cref="Webhooks.GhlWebhookSender"/> turns it
    /// into signed webhooks; a handler must only queue, never block.
    /// </summary>
    public event Action<string, JsonObject>? ContactChanged;

    public SimulatorCounters Counters { get; }

    /// <summary>Each location's custom field definitions (<c>GET /locations/{locationId}/customFields</c>).</summary>
    public SimulatedCustomFields CustomFields { get; } = new();

    /// <summary>Each contact's conversation and its messages (the Conversations API).</summary>
    public SimulatedConversations Conversations { get; }

    /// <summary>The current settings. Setting them re-arms the error burst and ghost-write counts.</summary>
    public SimulatorSettings Settings
    {
        get => Volatile.Read(ref _settings);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                if (value.Seed != _settings.Seed)
                {
                    _random = new Random(value.Seed);
                }

                _settings = value;
                _serverErrorsLeft = value.ServerErrorBurst;
                _ghostWritesLeft = value.GhostWriteCount;
            }
        }
    }

    /// <summary>Requests recorded in memory (when <see cref="SimulatorSettings.RecordInMemory"/>), oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Recorded
    {
        get
        {
            lock (_gate)
            {
                return [.. _recorded];
            }
        }
    }

    /// <summary>Forgets all data, counters, recordings and rate windows; keeps the settings.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _locations.Clear();
            _recorded.Clear();
            _random = new Random(_settings.Seed);
            _serverErrorsLeft = _settings.ServerErrorBurst;
            _ghostWritesLeft = _settings.GhostWriteCount;
        }

        Conversations.Clear();
        Counters.Reset(Time.GetUtcNow());
    }

    // ---- gate -----------------------------------------------------------------------------------

    public void Record(RecordedRequest request)
    {
        lock (_gate)
        {
            if (_settings.RecordInMemory)
            {
                _recorded.Add(request);
            }
        }
    }

    /// <summary>Counts a request against <paramref name="locationKey"/>'s limits.</summary>
    public RateDecision CountRequest(string locationKey)
    {
        lock (_gate)
        {
            return Location(locationKey).Window.TryTake(Time.GetUtcNow(), _settings);
        }
    }

    /// <summary>
    /// Uses up what is left of every known location's current rate window (a request naming no location counts against
    /// one too), as another app sharing the budget would: a 429 storm the app cannot pace itself out of. Returns how many
    /// requests that took; they are not recorded or counted as requests.
    /// </summary>
    public int UseUpRateLimits()
    {
        lock (_gate)
        {
            var used = 0;
            var now = Time.GetUtcNow();
            foreach (var location in _settings.RateLimitMax > 0 ? _locations.Values.ToList() : [])
            {
                while (location.Window.TryTake(now, _settings).Allowed)
                {
                    used++;
                }
            }

            return used;
        }
    }

    /// <summary>Whether this request is to fail with a 5xx before reaching its handler.</summary>
    public bool NextServerError()
    {
        lock (_gate)
        {
            if (_serverErrorsLeft > 0)
            {
                _serverErrorsLeft--;
                return true;
            }

            return _settings.ServerErrorRatio > 0 && _random.NextDouble() < _settings.ServerErrorRatio;
        }
    }

    // ---- contacts -------------------------------------------------------------------------------

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

    // ---- tasks, notes, appointments -------------------------------------------------------------

    public SimResponse ListChildren(string? tokenLocation, string contactId, ChildKind kind)
    {
        lock (_gate)
        {
            return WithContact(tokenLocation, contactId, (location, _) =>
                SimResponse.Ok(new JsonObject { [kind.ListProperty()] = new JsonArray([.. Children(location, kind, contactId).Select(child => child.DeepClone())]) }));
        }
    }

    public SimResponse GetChild(string? tokenLocation, string contactId, string childId, ChildKind kind)
    {
        lock (_gate)
        {
            return WithChild(tokenLocation, contactId, childId, kind, child => SimResponse.Ok(new JsonObject { [kind.ItemProperty()] = child.DeepClone() }));
        }
    }

    public SimResponse CreateTask(string? tokenLocation, string contactId, JsonObject body)
    {
        var invalid = Validate(body, SimulatorFields.Task, ["title", "dueDate", "completed"]) ?? ValidateDate(body);
        if (invalid is not null)
        {
            return invalid;
        }

        lock (_gate)
        {
            return WithContact(tokenLocation, contactId, (location, _) =>
            {
                var task = new JsonObject { ["id"] = NewId(), ["contactId"] = contactId, ["completed"] = false };
                Merge(task, body);
                Children(location, ChildKind.Task, contactId).Add(task);
                return GhostOr(SimResponse.Created(new JsonObject { ["task"] = task.DeepClone() }));
            });
        }
    }

    public SimResponse UpdateTask(string? tokenLocation, string contactId, string taskId, JsonObject body, bool onlyCompleted)
    {
        var invalid = onlyCompleted
            ? Validate(body, ["completed"], ["completed"])
            : Validate(body, SimulatorFields.Task, []) ?? ValidateDate(body);
        if (invalid is not null)
        {
            return invalid;
        }

        lock (_gate)
        {
            return WithChild(tokenLocation, contactId, taskId, ChildKind.Task, task =>
            {
                Merge(task, body);
                return SimResponse.Ok(new JsonObject { ["task"] = task.DeepClone() });
            });
        }
    }

    public SimResponse DeleteTask(string? tokenLocation, string contactId, string taskId)
    {
        lock (_gate)
        {
            return WithContact(tokenLocation, contactId, (location, _) =>
            {
                var removed = Children(location, ChildKind.Task, contactId).RemoveAll(task => Text(task, "id") == taskId);
                return removed == 0 ? SimResponse.Error(404, "Task not found") : SimResponse.Ok(new JsonObject { ["succeded"] = true });
            });
        }
    }

    public SimResponse CreateNote(string? tokenLocation, string contactId, JsonObject body)
    {
        var invalid = Validate(body, SimulatorFields.Note, ["body"]);
        if (invalid is not null)
        {
            return invalid;
        }

        lock (_gate)
        {
            return WithContact(tokenLocation, contactId, (location, _) =>
            {
                var note = new JsonObject { ["id"] = NewId(), ["contactId"] = contactId, ["dateAdded"] = Now() };
                Merge(note, body);
                Children(location, ChildKind.Note, contactId).Add(note);
                return GhostOr(SimResponse.Created(new JsonObject { ["note"] = note.DeepClone() }));
            });
        }
    }

    // ---- arranging and inspecting from tests ----------------------------------------------------

    /// <summary>Adds a contact directly (no limits, no duplicate check) and returns a copy of it.</summary>
    public JsonObject SeedContact(string locationId, JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        lock (_gate)
        {
            _seeding = true;
            try
            {
                return (JsonObject)NewContact(Location(locationId), fields).DeepClone();
            }
            finally
            {
                _seeding = false;
            }
        }
    }

    /// <summary>A GHL user creates a contact in GHL's app: like <see cref="SeedContact"/>, and GHL sends ContactCreate.</summary>
    public JsonObject UserCreatesContact(string locationId, JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        lock (_gate)
        {
            return (JsonObject)NewContact(Location(locationId), fields).DeepClone();
        }
    }

    /// <summary>A GHL user edits a contact in GHL's app (tags in <paramref name="changes"/> replace the contact's); GHL sends ContactUpdate.</summary>
    public JsonObject UserEditsContact(string locationId, string contactId, JsonObject changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            var contact = Location(locationId).Contacts[contactId];
            Apply(contact, (JsonObject)changes.DeepClone(), replaceTags: true);
            return (JsonObject)contact.DeepClone();
        }
    }

    /// <summary>Adds an appointment to a contact (GHL's calendar makes them; the Contacts API only reads them).</summary>
    public JsonObject SeedAppointment(string locationId, string contactId, JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        lock (_gate)
        {
            var location = Location(locationId);
            var appointment = new JsonObject { ["id"] = NewId(), ["contactId"] = contactId, ["locationId"] = locationId, ["status"] = "booked" };
            Merge(appointment, fields);
            Children(location, ChildKind.Appointment, contactId).Add(appointment);
            return (JsonObject)appointment.DeepClone();
        }
    }

    /// <summary>Copies of a location's contacts, in list order.</summary>
    public IReadOnlyList<JsonObject> ContactsOf(string locationId)
    {
        lock (_gate)
        {
            return _locations.TryGetValue(locationId, out var location)
                ? [.. location.Contacts.Values.OrderBy(AddedMs).ThenBy(c => c["id"]!.GetValue<string>(), StringComparer.Ordinal).Select(c => (JsonObject)c.DeepClone())]
                : [];
        }
    }

    /// <summary>Copies of a contact's notes, tasks or appointments.</summary>
    public IReadOnlyList<JsonObject> ChildrenOf(string locationId, string contactId, ChildKind kind)
    {
        lock (_gate)
        {
            return _locations.TryGetValue(locationId, out var location)
                ? [.. Children(location, kind, contactId).Select(child => (JsonObject)child.DeepClone())]
                : [];
        }
    }

    /// <summary>The whole state as JSON (<c>GET /_sim/state</c>).</summary>
    public JsonObject Snapshot()
    {
        lock (_gate)
        {
            var locations = new JsonObject();
            foreach (var location in _locations.Values)
            {
                locations[location.Id] = new JsonObject
                {
                    ["contacts"] = new JsonArray([.. location.Contacts.Values.Select(c => c.DeepClone())]),
                    ["notes"] = Group(location.Notes),
                    ["tasks"] = Group(location.Tasks),
                    ["appointments"] = Group(location.Appointments),
                    ["window"] = new JsonObject { ["usedInWindow"] = location.Window.UsedInWindow, ["usedToday"] = location.Window.UsedToday },
                };
            }

            return new JsonObject { ["locations"] = locations };
        }

        static JsonObject Group(Dictionary<string, List<JsonObject>> children)
        {
            var grouped = new JsonObject();
            foreach (var (contactId, list) in children)
            {
                grouped[contactId] = new JsonArray([.. list.Select(child => child.DeepClone())]);
            }

            return grouped;
        }
    }

    // ---- hooks for SimulatedConversations (each takes the lock) ----------------------------------

    /// <summary>The location holding <paramref name="contactId"/>, or null when no location has it.</summary>
    internal string? LocationOfContact(string contactId)
    {
        lock (_gate)
        {
            return _locations.Values.FirstOrDefault(location => location.Contacts.ContainsKey(contactId))?.Id;
        }
    }

    /// <summary>The 403 or "Location is not active" answer a token of <paramref name="tokenLocation"/> gets at <paramref name="locationId"/>, or null.</summary>
    internal SimResponse? Refusal(string? tokenLocation, string locationId)
    {
        lock (_gate)
        {
            return Authorize(tokenLocation, locationId);
        }
    }

    /// <summary><paramref name="applied"/>, or the configured ghost-write answer in its place (the write stays applied).</summary>
    internal SimResponse GhostOrApplied(SimResponse applied)
    {
        lock (_gate)
        {
            return GhostOr(applied);
        }
    }

    internal string NewIdentifier()
    {
        lock (_gate)
        {
            return NewId();
        }
    }

    // ---- helpers (call under _gate) -------------------------------------------------------------

    private SimulatedLocation Location(string id)
    {
        if (!_locations.TryGetValue(id, out var location))
        {
            location = new SimulatedLocation(id);
            _locations[id] = location;
        }

        return location;
    }

    // Validates a body that names its location, then runs `action` on that location under the lock.
    private SimResponse InBodyLocation(string? tokenLocation, JsonObject body, IReadOnlyCollection<string> allowed, Func<SimulatedLocation, SimResponse> action)
    {
        if (Validate(body, allowed, ["locationId"]) is { } invalid)
        {
            return invalid;
        }

        lock (_gate)
        {
            return Authorize(tokenLocation, Text(body, "locationId")) ?? action(Location(Text(body, "locationId")!));
        }
    }

    private SimResponse? Authorize(string? tokenLocation, string? locationId)
    {
        if (tokenLocation is not null && locationId is not null && !string.Equals(tokenLocation, locationId, StringComparison.Ordinal))
        {
            return SimResponse.Error(403, "The token does not have access to this location.");
        }

        if (locationId is not null && _settings.InactiveLocations.Contains(locationId))
        {
            return SimResponse.Error(400, "Location is not active");
        }

        return null;
    }

    private SimResponse WithContact(string? tokenLocation, string contactId, Func<SimulatedLocation, JsonObject, SimResponse> action)
    {
        foreach (var location in _locations.Values)
        {
            if (location.Contacts.TryGetValue(contactId, out var contact))
            {
                return Authorize(tokenLocation, location.Id) ?? action(location, contact);
            }
        }

        return SimResponse.Error(404, "Contact not found");
    }

    private SimResponse WithChild(string? tokenLocation, string contactId, string childId, ChildKind kind, Func<JsonObject, SimResponse> action) =>
        WithContact(tokenLocation, contactId, (location, _) =>
            Children(location, kind, contactId).FirstOrDefault(child => Text(child, "id") == childId) is { } child
                ? action(child)
                : SimResponse.Error(404, $"{kind} not found"));

    private static List<JsonObject> Children(SimulatedLocation location, ChildKind kind, string contactId)
    {
        var byContact = kind switch
        {
            ChildKind.Note => location.Notes,
            ChildKind.Task => location.Tasks,
            _ => location.Appointments,
        };
        if (!byContact.TryGetValue(contactId, out var list))
        {
            list = [];
            byContact[contactId] = list;
        }

        return list;
    }

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

    /// <summary>GHL stores E.164; a 10-digit number is taken as North American.</summary>
    public static string NormalizePhone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        return digits.Length == 10 ? "+1" + digits : "+" + digits;
    }

    private SimResponse GhostOr(SimResponse applied)
    {
        var ghost = _ghostWritesLeft > 0 || (_settings.GhostWriteRatio > 0 && _random.NextDouble() < _settings.GhostWriteRatio);
        if (!ghost)
        {
            return applied;
        }

        if (_ghostWritesLeft > 0)
        {
            _ghostWritesLeft--;
        }

        return _settings.GhostWriteMode switch
        {
            GhostWriteMode.Abort => new SimResponse(0, null, Abort: true),
            GhostWriteMode.Unprocessable => SimResponse.Invalid(["Unprocessable Entity"]),
            _ => SimResponse.Error(500, "Internal server error"),
        };
    }

    private static SimResponse? Validate(JsonObject body, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string> required)
    {
        var problems = new List<string>();
        problems.AddRange(body.Select(pair => pair.Key).Where(name => !allowed.Contains(name)).Select(name => $"property {name} should not exist"));
        problems.AddRange(required.Where(name => body[name] is null).Select(name => $"{name} should not be empty"));
        foreach (var (name, value) in body)
        {
            if (value is null)
            {
                continue;
            }

            var kind = value.GetValueKind();
            if (SimulatorFields.StringFields.Contains(name) && kind != System.Text.Json.JsonValueKind.String)
            {
                problems.Add($"{name} must be a string");
            }
            else if (SimulatorFields.BooleanFields.Contains(name) && kind is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
            {
                problems.Add($"{name} must be a boolean value");
            }
            else if (name is "tags" or "customFields" && kind != System.Text.Json.JsonValueKind.Array)
            {
                problems.Add($"{name} must be an array");
            }
        }

        return problems.Count == 0 ? null : SimResponse.Invalid(problems);
    }

    private static SimResponse? ValidateDate(JsonObject body) =>
        body["dueDate"] is { } due && due.GetValueKind() == System.Text.Json.JsonValueKind.String
        && !DateTimeOffset.TryParse(due.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
            ? SimResponse.Invalid(["dueDate must be a valid ISO 8601 date string"])
            : null;

    private static bool Matches(JsonObject contact, string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return true;
        }

        return SearchableFields
            .Select(field => Text(contact, field))
            .Any(value => value is not null && value.Contains(query, StringComparison.OrdinalIgnoreCase));
    }

    private static List<string> TagsOf(JsonObject contact) =>
        contact["tags"] is JsonArray tags ? [.. tags.Select(tag => tag!.GetValue<string>())] : [];

    private static long AddedMs(JsonObject contact) =>
        DateTimeOffset.Parse(contact["dateAdded"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    private void Touch(JsonObject contact)
    {
        contact["dateUpdated"] = Now();
        if (!_creating)
        {
            Emit("ContactUpdate", contact);
        }
    }

    // Webhooks (ContactChanged) are raised for changes made through the API and by the admin's "GHL user"; not for seeds.
    private void Emit(string type, JsonObject contact)
    {
        if (!_seeding)
        {
            ContactChanged?.Invoke(type, (JsonObject)contact.DeepClone());
        }
    }

    private string Now() => Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private string NewId() => string.Create(20, _random, static (span, random) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = IdAlphabet[random.Next(IdAlphabet.Length)];
        }
    });

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;
}
