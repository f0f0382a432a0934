using System.Text.Json;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Coalescing;

/// <summary>
/// Merges several queued <c>contact.updated</c> of one Roezan contact into the one event the planner plans, so that they
/// become one GHL call set (one PUT, one tags POST). Pure: the processor decides which changes may be merged
/// (<see cref="CanAbsorb"/>, under the contact's lease) and this class only merges.
/// </summary>
/// <remarks>
/// Changes are taken oldest first (<see cref="ContactChange.OldestFirst"/>: their own time, then their event id), and
/// each value is the newest non-empty one: Roezan sends an empty value for "not changed here" (the planner never writes
/// one), so a field that only an older change carried is kept. Tags are the union (the additive tag mode) or the newest
/// list that names any (mirror mode, where a list is the whole set). An opt-out in any change stays (an opt-in is never
/// sent to GHL). The merged event keeps the survivor's id and note and takes the newest time; each name and email also keeps its own change's time (<see cref="RoezanEvent.FieldOccurredAt"/>).
/// </remarks>
public static class ContactChangeMerger
{
    /// <summary>True for a change another one may absorb: a <c>contact.updated</c> of the same contact that carries no note (a note is one per event, found again by its event id).</summary>
    public static bool CanAbsorb(RoezanEvent survivor, RoezanEvent candidate)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate.Type == RoezanEventTypes.ContactUpdated
            && candidate.Id is { Length: > 0 } id && id != survivor.Id
            && candidate.Data?.Contact is { } contact
            && string.IsNullOrWhiteSpace(contact.Note)
            && contact.Id is { Length: > 0 } contactId
            && string.Equals(contactId, survivor.Data?.Contact?.Id, StringComparison.Ordinal);
    }

    /// <summary>The survivor with the values of <paramref name="absorbed"/> merged in (each must pass <see cref="CanAbsorb"/>).</summary>
    public static RoezanEvent Merge(ContactChange survivor, IReadOnlyList<ContactChange> absorbed, bool tagsAreWholeSet)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentNullException.ThrowIfNull(absorbed);
        if (absorbed.Count == 0)
        {
            return survivor.Event;
        }

        var first = survivor.Event.Data?.Contact ?? throw new ArgumentException("The survivor carries no contact.", nameof(survivor));
        var ordered = ContactChange.OldestFirst(absorbed.Append(survivor))
            .Select(change => (Contact: change.Event.Data!.Contact!, change.Event.OccurredAt))
            .ToList();

        var merged = new RoezanContact { Id = first.Id, Note = first.Note };
        var tags = new List<string>();
        // Each name and email keeps the time of the change it came from: the merge's newest time would let a value set
        // long before win over a change the other system made in between (FieldChangeTimes).
        var fieldTimes = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (contact, occurredAt) in ordered)
        {
            merged.FirstName = Newest(merged.FirstName, contact.FirstName, "firstName", occurredAt, fieldTimes);
            merged.LastName = Newest(merged.LastName, contact.LastName, "lastName", occurredAt, fieldTimes);
            merged.Phone = Newest(merged.Phone, contact.Phone);
            merged.Email = Newest(merged.Email, contact.Email, "email", occurredAt, fieldTimes);
            merged.CustomFields = MergeCustomFields(merged.CustomFields, contact);
            if (contact.OptedOut == true)
            {
                merged.OptedOut = true;
                merged.OptedOutAt = contact.OptedOutAt ?? merged.OptedOutAt;
            }

            if (tagsAreWholeSet && contact.Tags is { Count: > 0 })
            {
                tags.Clear();
            }

            foreach (var tag in contact.Tags ?? [])
            {
                if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
                {
                    tags.Add(tag);
                }
            }
        }

        merged.Tags = tags.Count == 0 && ordered.All(change => change.Contact.Tags is null) ? null : tags;
        var newest = absorbed.Select(change => change.Event.OccurredAt).Append(survivor.Event.OccurredAt).Max();
        return new RoezanEvent
        {
            Id = survivor.Event.Id,
            Type = survivor.Event.Type,
            AccountId = survivor.Event.AccountId,
            OccurredAt = newest,
            FieldOccurredAt = fieldTimes,
            Data = new RoezanEventData { Contact = merged },
        };
    }

    private static string? Newest(string? kept, string? next) => string.IsNullOrWhiteSpace(next) ? kept : next;

    private static string? Newest(string? kept, string? next, string field, DateTimeOffset? occurredAt, Dictionary<string, DateTimeOffset> times)
    {
        if (string.IsNullOrWhiteSpace(next))
        {
            return kept;
        }

        // A later change carrying the value unchanged did not make it (Roezan sends the whole contact): the value keeps
        // the time of the change that set it.
        var comparison = field == "email" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (occurredAt is { } at && (!times.ContainsKey(field) || !string.Equals(kept?.Trim(), next.Trim(), comparison)))
        {
            times[field] = at;
        }

        return next;
    }

    private static Dictionary<string, JsonElement>? MergeCustomFields(Dictionary<string, JsonElement>? kept, RoezanContact next)
    {
        if (next.CustomFields is null)
        {
            return kept;
        }

        // Only values with text replace (RoezanContact.CustomFieldTexts is what the planner writes); the rest keep the older value.
        var texts = next.CustomFieldTexts();
        var merged = kept is null ? new Dictionary<string, JsonElement>(StringComparer.Ordinal) : new Dictionary<string, JsonElement>(kept, StringComparer.Ordinal);
        foreach (var (name, value) in next.CustomFields)
        {
            if (texts.ContainsKey(name.Trim()) || !merged.ContainsKey(name))
            {
                merged[name] = value;
            }
        }

        return merged;
    }
}
