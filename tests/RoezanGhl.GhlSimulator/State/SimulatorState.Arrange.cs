using System.Globalization;
using System.Text.Json.Nodes;

namespace RoezanGhl.GhlSimulator.State;

// What tests use to arrange the state and inspect it (seeds, a GHL user's edits, snapshots).
public sealed partial class SimulatorState
{
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
}
