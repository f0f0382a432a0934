using System.Globalization;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Planning;

/// <summary>
/// Turns one Roezan event into a <see cref="SyncPlan"/> of GHL steps, given the account's profile and what
/// the links table knows (the <see cref="SyncSnapshot"/>). Pure and deterministic: no I/O, no clock, so a
/// unit test, the processor and the CLI's <c>plan</c> command all get the same answer.
/// </summary>
/// <remarks>
/// Rules that hold across flows: an empty Roezan value is never written (no clobbering); tags only ever
/// go through the additive tags endpoint; a contact change older than the last applied one is stale and
/// its values are skipped; notes and tasks carry a <c>ref:</c> line so that a retry can find them.
/// </remarks>
public static class SyncPlanner
{
    /// <summary>Whom <paramref name="roezanEvent"/> is about: the processor reads these links before planning.</summary>
    public static EventSubject SubjectOf(RoezanEvent roezanEvent)
    {
        ArgumentNullException.ThrowIfNull(roezanEvent);
        var data = roezanEvent.Data;
        return roezanEvent.Type switch
        {
            RoezanEventTypes.ContactCreated or RoezanEventTypes.ContactUpdated => new EventSubject
            {
                Contact = new ContactIdentity
                {
                    RoezanContactId = Clean(data?.Contact?.Id),
                    Phone = Clean(data?.Contact?.Phone),
                    Email = Clean(data?.Contact?.Email)?.ToLowerInvariant(),
                },
            },
            RoezanEventTypes.MessageReceived => new EventSubject
            {
                Contact = new ContactIdentity { RoezanContactId = Clean(data?.Message?.ContactId), Phone = Clean(data?.Message?.From) },
            },
            RoezanEventTypes.TaskCreated or RoezanEventTypes.TaskUpdated or RoezanEventTypes.TaskCompleted => new EventSubject
            {
                Contact = new ContactIdentity { RoezanContactId = Clean(data?.Task?.ContactId) },
                RoezanTaskId = Clean(data?.Task?.Id),
            },
            RoezanEventTypes.NoteCreated => new EventSubject
            {
                Contact = new ContactIdentity { RoezanContactId = Clean(data?.Note?.ContactId) },
            },
            _ => new EventSubject { Contact = new ContactIdentity() },
        };
    }

    public static SyncPlan Plan(QueuedRoezanEvent queued, RoezanAccountOptions account, PlanningProfile profile, SyncSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(queued);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(snapshot);

        var roezanEvent = queued.Event;
        var plan = new SyncPlan
        {
            EventId = roezanEvent.Id ?? "(no id)",
            EventType = roezanEvent.Type ?? "(no type)",
            AccountId = queued.AccountId,
            OccurredAt = roezanEvent.OccurredAt,
            Disposition = PlanDisposition.Invalid,
            Reason = "",
            Contact = SubjectOf(roezanEvent).Contact,
            GhlContactId = snapshot.Contact?.GhlContactId,
        };

        if (roezanEvent.Id is null)
        {
            return plan with { Reason = "the event has no id" };
        }

        return roezanEvent.Type switch
        {
            RoezanEventTypes.ContactCreated or RoezanEventTypes.ContactUpdated => PlanContact(plan, roezanEvent, profile, snapshot),
            RoezanEventTypes.MessageReceived => PlanMessage(plan, queued, account, profile, snapshot),
            RoezanEventTypes.TaskCreated or RoezanEventTypes.TaskUpdated or RoezanEventTypes.TaskCompleted => PlanTask(plan, queued, profile, snapshot),
            RoezanEventTypes.NoteCreated => PlanNote(plan, roezanEvent, profile, snapshot),
            _ => plan with { Reason = $"unknown event type '{roezanEvent.Type}'" },
        };
    }

    // F1 and F2.
    private static SyncPlan PlanContact(SyncPlan plan, RoezanEvent roezanEvent, PlanningProfile profile, SyncSnapshot snapshot)
    {
        if (roezanEvent.Data?.Contact is not { } contact)
        {
            return plan with { Reason = "data.contact is missing" };
        }

        var flow = roezanEvent.Type == RoezanEventTypes.ContactCreated ? SyncFlows.ContactCreated : SyncFlows.ContactUpdated;
        if (!profile.Runs(flow))
        {
            return Skip(plan, $"the {flow} flow is off for this account");
        }

        var incoming = profile.FieldMapping.Map(contact);
        var steps = new List<PlanStep>();
        var existing = snapshot.Contact;

        if (existing is null)
        {
            if (incoming.WithoutTags().IsEmpty)
            {
                return plan with { Reason = "the contact has no value to write (no name, phone, email or custom field)" };
            }

            var why = $"Roezan contact {contact.Id} has no GHL contact linked yet";
            steps.Add(profile.ContactWrite == ContactWriteMode.Upsert && (incoming.Phone is not null || incoming.Email is not null)
                ? new UpsertContactStep { Fields = incoming.WithoutTags(), Reason = why + "; upsert matches an existing one by phone/email" }
                : new CreateContactStep { Fields = incoming.WithoutTags(), Reason = why });
            AddTagsIfAny(steps, incoming.Tags, "tags are added, never sent with the contact (that would replace GHL's tags)");
            AddContactNote(steps, contact, roezanEvent, null);
            return Apply(plan, steps, $"create the GHL contact for Roezan contact {contact.Id}") with
            {
                ContactState = incoming,
                ContactStateOccurredAt = roezanEvent.OccurredAt,
            };
        }

        // A linked contact is written with PUT, which takes no companyName (only create and upsert do).
        incoming = incoming.ForUpdate();
        if (existing.LastOccurredAt is { } last && roezanEvent.OccurredAt is { } at && at < last)
        {
            // A newer change was applied already: this one may not overwrite anything, but it may still fill a
            // value GHL never got (a newer event that left the email empty does not make this email wrong).
            var stale = $"stale: occurred at {Format(at)}, before the last applied change at {Format(last)} ({existing.LastEventId})";
            var fill = incoming.MissingFrom(existing.Fields);
            if (!fill.IsEmpty)
            {
                steps.Add(new UpdateContactStep { Fields = fill, Reason = $"{stale}; fills only values GHL has none of: {fill.DescribeMembers()}" });
            }

            AddTagsIfAny(steps, incoming.TagsMissingFrom(existing.Fields), "tags not on the contact yet (added, never replaced)");
            AddContactNote(steps, contact, roezanEvent, null);
            if (steps.Count == 0)
            {
                return Skip(plan, stale);
            }

            var filled = fill.IsEmpty && incoming.TagsMissingFrom(existing.Fields).Count == 0
                ? null
                : existing.Fields.MergedWith(fill with { Tags = incoming.TagsMissingFrom(existing.Fields) });
            return Apply(plan, steps, stale + "; only missing values, new tags and its note are applied") with
            {
                ContactState = filled,
                ContactStateOccurredAt = filled is null ? null : last,
            };
        }

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
        var newest = Later(existing.LastOccurredAt, roezanEvent.OccurredAt);
        var result = steps.Count == 0
            ? Skip(plan, "no change: every non-empty value and tag is already in GHL")
            : Apply(plan, steps, $"update GHL contact {existing.GhlContactId}");
        return result with { ContactState = state, ContactStateOccurredAt = newest };
    }

    // F3, F4 and the slot for F5.
    private static SyncPlan PlanMessage(SyncPlan plan, QueuedRoezanEvent queued, RoezanAccountOptions account, PlanningProfile profile, SyncSnapshot snapshot)
    {
        var roezanEvent = queued.Event;
        if (roezanEvent.Data?.Message is not { } message || Clean(message.From) is not { } from)
        {
            return plan with { Reason = "data.message.from is missing" };
        }

        var steps = new List<PlanStep>();
        SyncPlan result = plan;
        if (snapshot.Contact is null)
        {
            if (!profile.Runs(SyncFlows.ContactFromFirstMessage))
            {
                return Skip(plan, "no GHL contact is linked to the sender's number and creating contacts from messages is off");
            }

            // Through the account's mapping (names may go elsewhere, the default source is set); the number
            // always stays: it is what links the sender's next message to this contact.
            var (first, last) = SplitName(message.FromName);
            var fields = profile.FieldMapping.Map(new RoezanContact { Phone = from, FirstName = first, LastName = last }) with { Phone = from };
            steps.Add(new CreateContactStep { Fields = fields, Reason = "first message from this number: no GHL contact is linked to it" });
            result = plan with { ContactState = fields, ContactStateOccurredAt = null };
        }

        if (profile.Runs(SyncFlows.MessageNotes))
        {
            var body = GhlReference.AppendTo(MessageNoteText(message, from, roezanEvent, account), GhlReference.ForEvent(roezanEvent.Id!));
            steps.Add(new CreateNoteStep { Body = body, Reference = GhlReference.ForEvent(roezanEvent.Id!), Reason = "every inbound message is kept as a note" });
        }

        var receivedAt = message.ReceivedAt ?? roezanEvent.OccurredAt ?? queued.AcceptedAt;
        if (profile.Runs(SyncFlows.FollowUpTasks) && profile.FollowUps?.FindTask(message, receivedAt) is { } followUp)
        {
            var reference = GhlReference.ForEvent(roezanEvent.Id!);
            var task = new TaskFields
            {
                Title = followUp.Title ?? profile.DefaultTaskTitle,
                Body = GhlReference.AppendTo(followUp.Body, reference),
                DueDate = followUp.DueDate ?? receivedAt + profile.DefaultTaskDue,
                Completed = false,
            };
            steps.Add(new CreateTaskStep { Fields = task, Reference = reference, Reason = "the message asks for a follow-up" });
        }

        return steps.Count == 0
            ? Skip(result, "message notes and follow-ups are off for this account")
            : Apply(result, steps, snapshot.Contact is null ? "new contact from the sender's number" : $"message for GHL contact {snapshot.Contact.GhlContactId}");
    }

    // F6.
    private static SyncPlan PlanTask(SyncPlan plan, QueuedRoezanEvent queued, PlanningProfile profile, SyncSnapshot snapshot)
    {
        var roezanEvent = queued.Event;
        if (roezanEvent.Data?.Task is not { } task || Clean(task.Id) is not { } taskId)
        {
            return plan with { Reason = "data.task.id is missing" };
        }

        if (!profile.Runs(SyncFlows.TaskSync))
        {
            return Skip(plan, "the task flow is off for this account");
        }

        var completing = roezanEvent.Type == RoezanEventTypes.TaskCompleted;
        var incoming = new TaskFields
        {
            Title = Clean(task.Title),
            Body = Clean(task.Body),
            DueDate = task.DueDate,
            Completed = completing ? true : task.Completed,
        };
        var reference = GhlReference.ForRoezanTask(taskId);
        plan = plan with { RoezanTaskId = taskId };

        if (snapshot.Task is not { } linked)
        {
            if (Clean(task.ContactId) is null)
            {
                return plan with { Reason = "data.task.contactId is missing" };
            }

            if (snapshot.Contact is null)
            {
                return plan with
                {
                    Disposition = PlanDisposition.WaitForContact,
                    Reason = $"Roezan contact {task.ContactId} is not linked to a GHL contact yet",
                };
            }

            var state = new TaskFields
            {
                Title = incoming.Title ?? profile.DefaultTaskTitle,
                Body = incoming.Body,
                DueDate = incoming.DueDate ?? (roezanEvent.OccurredAt ?? queued.AcceptedAt) + profile.DefaultTaskDue,
                Completed = incoming.Completed ?? false,
            };
            var why = roezanEvent.Type == RoezanEventTypes.TaskCreated
                ? "new Roezan task"
                : $"Roezan task {taskId} has no GHL task linked yet (its task.created was not applied), so it is created as it is now";
            var steps = new List<PlanStep>
            {
                new CreateTaskStep { Fields = state with { Body = GhlReference.AppendTo(state.Body, reference) }, Reference = reference, Reason = why },
            };
            return Apply(plan, steps, $"create the GHL task for Roezan task {taskId}") with
            {
                TaskState = state,
                TaskStateOccurredAt = roezanEvent.OccurredAt,
            };
        }

        plan = plan with { GhlContactId = linked.GhlContactId, GhlTaskId = linked.GhlTaskId };
        if (linked.LastOccurredAt is { } last && roezanEvent.OccurredAt is { } at && at < last)
        {
            return Skip(plan, $"stale: occurred at {Format(at)}, before the last applied change to the task at {Format(last)}");
        }

        var newest = Later(linked.LastOccurredAt, roezanEvent.OccurredAt);
        if (completing)
        {
            return linked.Fields.Completed == true
                ? Skip(plan, "the GHL task is already completed") with { TaskState = linked.Fields, TaskStateOccurredAt = newest }
                : Apply(plan, [new CompleteTaskStep { Reason = "the Roezan task was completed" }], $"complete GHL task {linked.GhlTaskId}") with
                {
                    TaskState = linked.Fields with { Completed = true },
                    TaskStateOccurredAt = newest,
                };
        }

        var changed = incoming.ChangedFrom(linked.Fields);
        var merged = linked.Fields.MergedWith(incoming);
        if (changed.IsEmpty)
        {
            return Skip(plan, "no change: every non-empty task value is already in GHL") with { TaskState = merged, TaskStateOccurredAt = newest };
        }

        // GHL's PUT replaces the body, so a changed body keeps its reference line.
        var sent = changed.Body is null ? changed : changed with { Body = GhlReference.AppendTo(changed.Body, reference) };
        return Apply(plan, [new UpdateTaskStep { Fields = sent, Reason = $"changed, non-empty values: {changed.DescribeMembers()}" }], $"update GHL task {linked.GhlTaskId}") with
        {
            TaskState = merged,
            TaskStateOccurredAt = newest,
        };
    }

    // F7.
    private static SyncPlan PlanNote(SyncPlan plan, RoezanEvent roezanEvent, PlanningProfile profile, SyncSnapshot snapshot)
    {
        if (roezanEvent.Data?.Note is not { } note || Clean(note.ContactId) is null)
        {
            return plan with { Reason = "data.note.contactId is missing" };
        }

        if (!profile.Runs(SyncFlows.NoteCreated))
        {
            return Skip(plan, "the note flow is off for this account");
        }

        if (Clean(note.Body) is not { } body)
        {
            return Skip(plan, "the note has no text");
        }

        if (snapshot.Contact is null)
        {
            return plan with
            {
                Disposition = PlanDisposition.WaitForContact,
                Reason = $"Roezan contact {note.ContactId} is not linked to a GHL contact yet",
            };
        }

        var reference = GhlReference.ForEvent(roezanEvent.Id!);
        return Apply(plan, [new CreateNoteStep { Body = GhlReference.AppendTo(body, reference), Reference = reference, Reason = "new Roezan note" }], $"note on GHL contact {snapshot.Contact.GhlContactId}");
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
        var note = Clean(contact.Note);
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

    private static string MessageNoteText(RoezanMessage message, string from, RoezanEvent roezanEvent, RoezanAccountOptions account)
    {
        var sender = Clean(message.FromName) is { } name ? $"{name} ({from})" : from;
        var received = message.ReceivedAt ?? roezanEvent.OccurredAt;
        var when = "";
        if (received is { } at)
        {
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(account.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
            when = $" on {TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({zone.Id})";
        }

        return $"SMS from {sender}{when}:\n{Clean(message.Body) ?? "(no text)"}";
    }

    private static (string? First, string? Last) SplitName(string? fullName)
    {
        if (Clean(fullName) is not { } name)
        {
            return (null, null);
        }

        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (name, null) : (name[..space], Clean(name[(space + 1)..]));
    }

    private static SyncPlan Apply(SyncPlan plan, IReadOnlyList<PlanStep> steps, string reason) =>
        plan with { Disposition = PlanDisposition.Apply, Steps = steps, Reason = reason };

    private static SyncPlan Skip(SyncPlan plan, string reason) =>
        plan with { Disposition = PlanDisposition.Skip, Steps = [], Reason = reason };

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;

    private static string Format(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
