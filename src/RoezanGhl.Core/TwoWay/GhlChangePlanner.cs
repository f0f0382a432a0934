using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;

namespace RoezanGhl.Core.TwoWay;

/// <summary>
/// Decides what one GHL contact change does to Roezan, from the change and what the link records (the mapped state
/// both systems last held, and the echo history). Pure: no I/O, no clock (the caller passes <c>now</c>).
/// </summary>
/// <remarks>
/// Rules: an empty GHL field never blanks Roezan's; only changed fields are written; tags are only added; the phone
/// keys the Roezan contact, so a new phone writes the whole contact under the new number (<see cref="GhlChangeDecision.MovedFromPhone"/>);
/// a change older than the last one recorded (beyond the conflict window) only fills values Roezan has none of; a
/// change within the window of a Roezan change to the same field is a conflict, settled by the rule and reported
/// with both values; the winner is then also written back to GHL (<see cref="ConflictWriteBack"/>). GHL's SMS do-not-disturb adds the opt-out tag, and nothing here ever removes it.
/// </remarks>
public static class GhlChangePlanner
{
    public static GhlChangeDecision Decide(ContactFields incoming, bool smsDoNotDisturb, DateTimeOffset? changedAt, ContactSnapshot? linked, EchoHistory history, DateTimeOffset now, GhlChangeRules rules)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(rules);
        // GHL's SMS do-not-disturb opts the Roezan contact out by tag, unless it came from Roezan's own opt-out
        // (recorded on the link): then Roezan has the person opted out already.
        var ghlHolds = incoming;
        smsDoNotDisturb = smsDoNotDisturb && !(linked is not null && SmsDoNotDisturb.IsOn(linked.Fields));
        if (smsDoNotDisturb)
        {
            incoming = incoming with { Tags = [.. incoming.Tags, rules.OptOutTag] };
        }

        // The echo check compares the whole state GHL holds; what may be written is only the fields that flow GHL → Roezan.
        var asInGhl = incoming;
        incoming = FieldDirections.ToRoezan(incoming, rules.Directions, rules.OptOutTag);

        if (linked is null)
        {
            return incoming.Phone is null
                ? new GhlChangeDecision { Kind = GhlChangeDecisionKind.NoPhone, Reason = "a GHL contact without a phone is not created in Roezan (Roezan keys contacts by phone)" }
                : new GhlChangeDecision { Kind = GhlChangeDecisionKind.Apply, Reason = "new GHL contact: created (or matched by phone) in Roezan", Upsert = incoming, NewState = incoming, NewStateAt = changedAt, NewStateFieldChanges = Times(new Dictionary<string, FieldChange>(StringComparer.Ordinal), incoming, changedAt), OptsOut = smsDoNotDisturb };
        }

        if (history.Wrote(SyncSystem.Ghl, ContactFingerprint.Of(asInGhl), now))
        {
            return new GhlChangeDecision { Kind = GhlChangeDecisionKind.Echo, Reason = "echo: GHL reports a state this app wrote to it" };
        }

        // A value GHL held before our later write to it replaced it is not a change (OverwrittenValues says why).
        incoming = OverwrittenValues.Without(incoming, OverwrittenValues.In(incoming, changedAt, history, SyncSystem.Ghl));
        var state = linked.Fields;
        if (PhoneMove(incoming, changedAt, linked) is { } moved)
        {
            // Roezan keys contacts by phone and its API cannot renumber one: the whole contact goes to the new number.
            var whole = state.MergedWith(incoming with { Tags = [] }) with { Phone = incoming.Phone, Tags = [.. state.Tags.Union(incoming.Tags, StringComparer.OrdinalIgnoreCase)] };
            return new GhlChangeDecision
            {
                Kind = GhlChangeDecisionKind.Apply,
                Reason = "phone changed in GHL: the contact is written to Roezan under the new number and the link moves there; the contact under the old number is tagged",
                Upsert = whole,
                NewState = whole,
                NewStateAt = PlanRules.Later(linked.LastOccurredAt, changedAt),
                NewStateFieldChanges = Times(linked.FieldChanges, incoming, changedAt),
                MovedFromPhone = moved,
                OptsOut = smsDoNotDisturb,
            };
        }

        var changed = incoming.ChangedFrom(state) with { Phone = null };
        var conflicts = new List<FieldConflict>();
        var lastWasRoezan = linked.LastEventId is { } lastId && !lastId.StartsWith("ghl:", StringComparison.Ordinal);
        var last = linked.LastOccurredAt;
        var reason = "changed in GHL";
        // Our newest write to GHL: it carried a Roezan change (or a write-back). Its fields are the only ones a Roezan
        // change can conflict on (a write recorded without them: every field, as before).
        var lastToGhl = history.Entries.FirstOrDefault(entry => entry.Target == SyncSystem.Ghl);
        var contested = changed.Values().Where(pair => lastToGhl?.Before is not { } fields || fields.ContainsKey(pair.Key)).ToList();
        // Concurrent: GHL's change was made before our write of the Roezan change reached GHL (neither was made knowing
        // the other), or the two changes are within the window by their own times.
        var concurrent = changedAt is { } made && lastToGhl is { } toGhl && made < toGhl.WrittenAt;
        if (last is { } at && changedAt is { } when && contested.Count > 0 && (concurrent || (lastWasRoezan && (when - at).Duration() <= rules.ConflictWindow)))
        {
            var roezanAt = lastToGhl?.ChangedAt ?? at;
            var ghlWins = rules.ConflictRule switch
            {
                ConflictRule.GhlWins => true,
                ConflictRule.RoezanWins => false,
                _ => when >= roezanAt,
            };
            foreach (var (field, value) in contested)
            {
                conflicts.Add(new FieldConflict(field, value, ValueOf(state, field), ghlWins));
            }

            // Roezan keeps only the contested fields; GHL's other changes are written as any change.
            changed = ghlWins ? changed : lastToGhl?.Before is null ? incoming.MissingFrom(state) with { Phone = null, Tags = [] } : OverwrittenValues.Without(changed, contested.Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal)).MergedWith(incoming.MissingFrom(state) with { Phone = null, Tags = [] });
            reason = $"conflict with a Roezan change within {rules.ConflictWindow.TotalSeconds:0.#} s, {(ghlWins ? "GHL" : "Roezan")} kept";
        }
        else if (last is { } previous && changedAt is { } older && older < previous)
        {
            // Judged per field (FieldChangeTimes): a field whose own last change is older than this one is still written.
            var newer = OverwrittenValues.Without(changed, FieldChangeTimes.Superseded(changed, _ => older, linked));
            changed = incoming.MissingFrom(state).MergedWith(new ContactFields { FirstName = newer.FirstName, LastName = newer.LastName, Email = newer.Email }) with { Phone = null, Tags = [] };
            reason = "stale: older than the last recorded change; fills only values Roezan has none of and fields last changed before it";
        }

        // After a conflict GHL gets the winner back when it does not hold it (ConflictWriteBack): with GHL winning, when
        // our write of the Roezan change to GHL came after this event and overwrote it; with Roezan winning, when this
        // event came after that write.
        var writtenToGhl = history.Entries.FirstOrDefault(entry => entry.Target == SyncSystem.Ghl)?.WrittenAt;
        var writeBack = conflicts.Count > 0 && changedAt is { } sent && ConflictWriteBack.Needed(senderWon: conflicts[0].GhlWon, sent, writtenToGhl)
            ? ConflictWriteBack.Winners(conflicts)
            : ContactFields.Empty;
        var ghlAfter = ghlHolds with { FirstName = writeBack.FirstName ?? ghlHolds.FirstName, LastName = writeBack.LastName ?? ghlHolds.LastName, Email = writeBack.Email ?? ghlHolds.Email };
        var tags = incoming.TagsMissingFrom(state);
        if (changed.IsEmpty && tags.Count == 0)
        {
            return new GhlChangeDecision { Kind = GhlChangeDecisionKind.NoChange, Reason = conflicts.Count > 0 ? reason : "no change in the mapped fields", Conflicts = conflicts, GhlWriteBack = writeBack, GhlStateAfterWriteBack = ghlAfter };
        }

        var write = changed with { Tags = tags };
        if ((state.Phone ?? incoming.Phone) is not { } phone)
        {
            return new GhlChangeDecision { Kind = GhlChangeDecisionKind.NoPhone, Reason = "the linked contact has no phone to key the Roezan contact by", Conflicts = conflicts };
        }

        return new GhlChangeDecision
        {
            Kind = GhlChangeDecisionKind.Apply,
            Reason = $"{reason}: {write.DescribeMembers()}",
            Upsert = write with { Phone = phone },
            NewState = state.MergedWith(write),
            NewStateAt = PlanRules.Later(last, changedAt),
            NewStateFieldChanges = Times(linked.FieldChanges, write, changedAt),
            Conflicts = conflicts,
            GhlWriteBack = writeBack,
            GhlStateAfterWriteBack = ghlAfter,
            OptsOut = smsDoNotDisturb && tags.Contains(rules.OptOutTag, StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>The old number when GHL's change gives a linked contact another one (not an older change, not a blank).</summary>
    private static string? PhoneMove(ContactFields incoming, DateTimeOffset? changedAt, ContactSnapshot linked)
    {
        if (incoming.Phone is not { } phone || linked.Fields.Phone is not { } old || Digits(phone) == Digits(old))
        {
            return null;
        }

        return linked.LastOccurredAt is { } last && changedAt is { } at && at < last ? null : old;
    }

    private static IReadOnlyDictionary<string, FieldChange> Times(IReadOnlyDictionary<string, FieldChange> kept, ContactFields written, DateTimeOffset? changedAt) =>
        FieldChangeTimes.With(kept, written, _ => changedAt, SyncSystem.Ghl);

    private static string Digits(string phone) => new([.. phone.Where(char.IsAsciiDigit)]);

    private static string? ValueOf(ContactFields fields, string name) => name switch
    {
        "firstName" => fields.FirstName,
        "lastName" => fields.LastName,
        "email" => fields.Email,
        _ => null,
    };
}
