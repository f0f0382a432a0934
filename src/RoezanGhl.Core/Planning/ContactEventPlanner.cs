using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Planning;

/// <summary>
/// Plans <c>contact.created</c> and <c>contact.updated</c> (flows F1 and F2): create or upsert a new contact,
/// update only the changed, non-empty values of a linked one, add tags, and skip what is stale.
/// </summary>
internal static class ContactEventPlanner
{
    public static SyncPlan Plan(SyncPlan plan, RoezanEvent roezanEvent, PlanningProfile profile, SyncSnapshot snapshot)
    {
        if (roezanEvent.Data?.Contact is not { } contact)
        {
            return plan with { Reason = "data.contact is missing" };
        }

        var flow = roezanEvent.Type == RoezanEventTypes.ContactCreated ? SyncFlows.ContactCreated : SyncFlows.ContactUpdated;
        if (!profile.Runs(flow))
        {
            return PlanRules.Skip(plan, $"the {flow} flow is off for this account");
        }

        var incoming = SmsDoNotDisturb.FromOptOut(profile.FieldMapping.Map(contact), contact);
        var steps = new List<PlanStep>();
        var existing = snapshot.Contact;
        // Each name and email is judged by its own time against that field's last change (FieldChangeTimes): a field
        // changed since in GHL is not overwritten by an old value this (possibly coalesced) event carries. The event's
        // times are keyed by Roezan's field names, the link's by GHL's: a GHL field takes the time of what feeds it.
        DateTimeOffset? FieldAt(string ghlField) => FieldChangeTimes.Of(roezanEvent.FieldOccurredAt, profile.FieldMapping.SourcesOf(ghlField), roezanEvent.OccurredAt);

        if (existing is null)
        {
            if (incoming.WithoutTags().IsEmpty)
            {
                return plan with { Reason = "the contact has no value to write (no name, phone, email or custom field)" };
            }

            var why = $"Roezan contact {contact.Id} has no GHL contact linked yet";
            if (profile.ContactWrite == ContactWriteMode.Upsert && (incoming.Phone is not null || incoming.Email is not null))
            {
                // Upsert's tags "will overwrite all current tags" of the contact it matches (GHL's UpsertContactDto).
                steps.Add(new UpsertContactStep { Fields = incoming.WithoutTags(), Reason = why + "; upsert matches an existing one by phone/email" });
                AddTagsIfAny(steps, incoming.Tags, "tags are added, never sent with the contact (that would replace GHL's tags)");
            }
            else
            {
                // A contact POST /contacts/ makes has no tags to overwrite; one it finds instead gets them added.
                steps.Add(new CreateContactStep { Fields = incoming.WithoutTags(), Tags = incoming.Tags, Reason = why + (incoming.Tags.Count > 0 ? "; with its tags" : "") });
                if (incoming.Tags.Count > 0)
                {
                    steps.Add(new AddTagsStep { Tags = incoming.Tags, OnlyIfContactFound = true, Reason = "the tags went with the create: added only if it found an existing contact" });
                }
            }

            AddContactNote(steps, contact, roezanEvent, null);
            return PlanRules.Apply(plan, steps, $"create the GHL contact for Roezan contact {contact.Id}") with
            {
                ContactState = incoming,
                ContactStateOccurredAt = roezanEvent.OccurredAt,
                ContactStateFieldChanges = FieldChangeTimes.With(new Dictionary<string, FieldChange>(StringComparer.Ordinal), incoming, FieldAt, Sync.SyncSystem.Roezan),
            };
        }

        // A linked contact is written with PUT, which takes no companyName (only create and upsert do).
        incoming = incoming.ForUpdate();
        var superseded = FieldChangeTimes.Superseded(incoming, FieldAt, existing);
        if (existing.LastOccurredAt is { } last && roezanEvent.OccurredAt is { } at
            && RoezanChangeOrder.IsOlder(at, roezanEvent.Id, last, existing.LastEventId))
        {
            // A newer change was applied already: this one may not overwrite anything, but it may still fill a
            // value GHL never got (a newer event that left the email empty does not make this email wrong).
            var stale = $"stale: occurred at {PlanRules.Format(at)}, before the last applied change at {PlanRules.Format(last)} ({existing.LastEventId})";
            // A field whose own last change is older than this event is still written; one the newer change of this
            // very instant wrote is not (the event id put this change before it).
            var notFilled = at == last ? FieldChangeTimes.Superseded(incoming, FieldAt, existing, tieIsOlder: true) : superseded;
            var fill = incoming.MissingFrom(existing.Fields).MergedWith(TwoWay.OverwrittenValues.Without(incoming.ChangedFrom(existing.Fields), notFilled));
            if (!fill.IsEmpty)
            {
                steps.Add(new UpdateContactStep { Fields = fill, Reason = $"{stale}; fills only values GHL has none of: {fill.DescribeMembers()}" });
            }

            AddTagsIfAny(steps, incoming.TagsMissingFrom(existing.Fields), "tags not on the contact yet (added, never replaced)");
            AddContactNote(steps, contact, roezanEvent, null);
            if (steps.Count == 0)
            {
                return PlanRules.Skip(plan, stale);
            }

            var filled = fill.IsEmpty && incoming.TagsMissingFrom(existing.Fields).Count == 0
                ? null
                : existing.Fields.MergedWith(fill with { Tags = incoming.TagsMissingFrom(existing.Fields) });
            return PlanRules.Apply(plan, steps, stale + "; only missing values, new tags and its note are applied") with
            {
                ContactState = filled,
                ContactStateOccurredAt = filled is null ? null : last,
                // The newer change stays the last one: a change at its instant is judged against it, not against this one.
                ContactStateEventId = filled is null ? null : existing.LastEventId,
                ContactStateFieldChanges = filled is null ? null : FieldChangeTimes.With(existing.FieldChanges, fill, FieldAt, Sync.SyncSystem.Roezan),
            };
        }

        incoming = TwoWay.OverwrittenValues.Without(incoming, superseded);
        var changed = incoming.ChangedFrom(existing.Fields);
        if (!changed.IsEmpty)
        {
            steps.Add(new UpdateContactStep { Fields = changed, Reason = $"changed, non-empty values: {changed.DescribeMembers()}" });
        }

        var added = incoming.TagsMissingFrom(existing.Fields);
        AddTagsIfAny(steps, added, "tags not on the contact yet (added, never replaced)");
        var removed = profile.FieldMapping.TagsToRemove(contact, existing.Fields.Tags);
        if (removed.Count > 0)
        {
            steps.Add(new RemoveTagsStep { Tags = removed, Reason = "mirror mode: tags this app put on the contact that Roezan no longer has" });
        }

        var summary = profile.NoteOnContactUpdate && roezanEvent.Type == RoezanEventTypes.ContactUpdated && steps.Count > 0
            ? ChangeSummary(changed, added, removed)
            : null;
        AddContactNote(steps, contact, roezanEvent, summary);
        var state = existing.Fields.MergedWith(incoming).WithoutTags(removed);
        var newest = PlanRules.Later(existing.LastOccurredAt, roezanEvent.OccurredAt);
        var result = steps.Count == 0
            ? PlanRules.Skip(plan, "no change: every non-empty value and tag is already in GHL")
            : PlanRules.Apply(plan, steps, $"update GHL contact {existing.GhlContactId}");
        return result with
        {
            ContactState = state,
            ContactStateOccurredAt = newest,
            ContactStateFieldChanges = FieldChangeTimes.With(existing.FieldChanges, changed, FieldAt, Sync.SyncSystem.Roezan),
        };
    }


    private static void AddTagsIfAny(List<PlanStep> steps, IReadOnlyList<string> tags, string reason)
    {
        if (tags.Count > 0)
        {
            steps.Add(new AddTagsStep { Tags = tags, Reason = reason });
        }
    }

    // One note per event at most: the reference (the event id) must find exactly one note after a ghost write.
    private static void AddContactNote(List<PlanStep> steps, RoezanContact contact, RoezanEvent roezanEvent, string? changeSummary)
    {
        var note = PlanRules.Clean(contact.Note);
        if (note is null && changeSummary is null)
        {
            return;
        }

        var text = changeSummary is null ? note : note is null ? changeSummary : changeSummary + "\n\n" + note;
        var reference = GhlReference.ForEvent(roezanEvent.Id!);
        var why = changeSummary is null ? "the contact change carries a note" : "the account writes a note on contact updates";
        steps.Add(new CreateNoteStep { Body = GhlReference.AppendTo(text, reference), Reference = reference, Reason = why });
    }

    private static string ChangeSummary(ContactFields changed, IReadOnlyList<string> added, IReadOnlyList<string> removed)
    {
        var lines = new List<string> { "Updated from Roezan:" };
        lines.AddRange(changed.Values().Select(pair => $"- {pair.Key}: {pair.Value}"));
        if (added.Count > 0)
        {
            lines.Add("- tags added: " + string.Join(", ", added));
        }

        if (removed.Count > 0)
        {
            lines.Add("- tags removed: " + string.Join(", ", removed));
        }

        return string.Join("\n", lines);
    }
}
