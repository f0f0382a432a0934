using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.LoadHarness.Workload;

namespace RoezanGhl.LoadHarness.Measurement;

/// <summary>
/// Decides from the simulator's state alone — the same way for every system — which events took effect in
/// GHL and what was written twice. An event is applied when its effect is there: the message's or note's text
/// in a note on the right contact, the task with its title, the contact with its new values. Duplicates are
/// contacts sharing a phone number, and notes or tasks carrying the same event marker.
/// </summary>
public static partial class GhlStateAudit
{
    public static AuditResult Audit(SimulatorState state, IReadOnlyList<ScriptedEvent> script, IEnumerable<HarnessLocation> locations)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(locations);

        var contactsByPhone = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        var contactsById = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var notesByMarker = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var tasksByMarker = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        var tasksById = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var location in locations)
        {
            foreach (var contact in state.ContactsOf(location.LocationId))
            {
                var id = Text(contact, "id")!;
                contactsById[id] = contact;
                if (Text(contact, "phone") is { } phone)
                {
                    Add(contactsByPhone, phone, contact);
                }

                foreach (var note in state.ChildrenOf(location.LocationId, id, ChildKind.Note))
                {
                    foreach (var marker in Markers(Text(note, "body")))
                    {
                        Add(notesByMarker, marker, id);
                    }
                }

                foreach (var task in state.ChildrenOf(location.LocationId, id, ChildKind.Task))
                {
                    tasksById[Text(task, "id")!] = task;
                    foreach (var marker in Markers(Text(task, "title")))
                    {
                        Add(tasksByMarker, marker, task);
                    }
                }
            }
        }

        // The newest update of each contact names the values GHL must end with (script order is arrival order).
        var newestUpdate = new Dictionary<string, ScriptedEvent>(StringComparer.Ordinal);
        foreach (var update in script.Where(e => e.Kind == EventKind.ContactUpdated))
        {
            newestUpdate[update.Contact!.GhlContactId!] = update;
        }

        var applied = new HashSet<string>(StringComparer.Ordinal);
        var lost = new List<string>();
        foreach (var scripted in script)
        {
            if (IsApplied(scripted))
            {
                applied.Add(scripted.EventId);
            }
            else
            {
                lost.Add(scripted.EventId);
            }
        }

        return new AuditResult(
            applied,
            lost,
            contactsByPhone.Values.Sum(list => list.Count - 1),
            notesByMarker.Values.Sum(list => list.Count - 1),
            tasksByMarker.Values.Sum(list => list.Count - 1),
            FieldAudit.CountLost(script, contactsById, contactsByPhone, newestUpdate));

        bool IsApplied(ScriptedEvent scripted)
        {
            switch (scripted.Kind)
            {
                case EventKind.MessageFromKnownContact or EventKind.MessageFollowUp or EventKind.MessageFromNewNumber or EventKind.NoteCreated:
                    // The text is in a note on the contact with the sender's (or the known contact's) number.
                    return notesByMarker.TryGetValue(scripted.Marker, out var owners)
                        && owners.Any(owner => contactsById.TryGetValue(owner, out var contact) && Text(contact, "phone") == scripted.TargetPhone);

                case EventKind.ContactCreated:
                    return contactsByPhone.TryGetValue(scripted.Phone!, out var created)
                        && created.Any(contact => string.Equals(Text(contact, "email"), scripted.Email, StringComparison.OrdinalIgnoreCase)
                            && (scripted.NewTag is null || Tags(contact).Contains(scripted.NewTag, StringComparer.OrdinalIgnoreCase)));

                case EventKind.ContactUpdated:
                    // Applied when its tag is there and the contact holds the newest values (a later update's values supersede its own).
                    var newest = newestUpdate[scripted.Contact!.GhlContactId!];
                    return contactsById.TryGetValue(scripted.Contact.GhlContactId!, out var updated)
                        && Text(updated, "lastName") == newest.LastName
                        && Text(updated, "firstName") == (newest.FirstName ?? newest.Contact!.FirstName)
                        && (scripted.NewTag is null || Tags(updated).Contains(scripted.NewTag, StringComparer.OrdinalIgnoreCase));

                case EventKind.TaskCreated:
                    return tasksByMarker.TryGetValue(scripted.Marker, out var tasks)
                        && tasks.Any(task => Text(task, "contactId") == scripted.Contact!.GhlContactId);

                case EventKind.TaskUpdated:
                    return tasksById.TryGetValue(scripted.Contact!.GhlTaskId!, out var changed) && Text(changed, "title") == scripted.Text;

                case EventKind.TaskCompleted:
                    return tasksById.TryGetValue(scripted.Contact!.GhlTaskId!, out var done) && done["completed"]?.GetValue<bool>() == true;

                default:
                    return false;
            }
        }
    }

    private static IEnumerable<string> Markers(string? text) =>
        text is null ? [] : MarkerPattern().Matches(text).Select(match => match.Value).Distinct(StringComparer.Ordinal);

    internal static List<string> Tags(JsonObject contact) =>
        contact["tags"] is JsonArray tags ? [.. tags.Select(tag => tag!.GetValue<string>())] : [];

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        list.Add(value);
    }

    internal static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;

    [GeneratedRegex(@"\[bench-[a-z]\d{6}\]", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();
}
