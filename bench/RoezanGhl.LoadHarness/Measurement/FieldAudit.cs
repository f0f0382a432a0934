using System.Text.Json.Nodes;
using RoezanGhl.LoadHarness.Workload;

namespace RoezanGhl.LoadHarness.Measurement;

/// <summary>
/// Checks every field of every contact the run created or updated against the events sent: first and last name, phone,
/// email, and each tag an event added. A field counts as lost once per contact when GHL does not hold the value the
/// newest event of that contact carried (or, for a tag, any event added); a contact missing from GHL loses them all.
/// </summary>
public static class FieldAudit
{
    private const string KnownContactTag = "customer";

    public static int CountLost(
        IReadOnlyList<ScriptedEvent> script,
        IReadOnlyDictionary<string, JsonObject> contactsById,
        IReadOnlyDictionary<string, List<JsonObject>> contactsByPhone,
        IReadOnlyDictionary<string, ScriptedEvent> newestUpdate)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(contactsById);
        ArgumentNullException.ThrowIfNull(contactsByPhone);
        ArgumentNullException.ThrowIfNull(newestUpdate);
        var lost = 0;
        foreach (var (ghlContactId, newest) in newestUpdate)
        {
            var known = newest.Contact!;
            var tags = script.Where(e => e.Kind == EventKind.ContactUpdated && e.Contact!.GhlContactId == ghlContactId && e.NewTag is not null)
                .Select(e => e.NewTag!).Append(KnownContactTag);
            lost += Lost(contactsById.GetValueOrDefault(ghlContactId), newest.FirstName ?? known.FirstName, newest.LastName, known.Phone, known.Email, tags);
        }

        foreach (var created in script.Where(e => e.Kind == EventKind.ContactCreated))
        {
            var contact = contactsByPhone.TryGetValue(created.Phone!, out var matches) ? matches[0] : null;
            lost += Lost(contact, created.FirstName, created.LastName, created.Phone, created.Email, created.NewTag is null ? [] : [created.NewTag]);
        }

        return lost;
    }

    private static int Lost(JsonObject? contact, string? firstName, string? lastName, string? phone, string? email, IEnumerable<string> tags)
    {
        var expectedTags = tags.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (contact is null)
        {
            return 4 + expectedTags.Count;
        }

        var held = GhlStateAudit.Tags(contact);
        return Differs(contact, "firstName", firstName) + Differs(contact, "lastName", lastName) + Differs(contact, "phone", phone) + Differs(contact, "email", email)
            + expectedTags.Count(tag => !held.Contains(tag, StringComparer.OrdinalIgnoreCase));
    }

    private static int Differs(JsonObject contact, string field, string? expected) =>
        string.Equals(GhlStateAudit.Text(contact, field), expected, StringComparison.OrdinalIgnoreCase) ? 0 : 1;
}
