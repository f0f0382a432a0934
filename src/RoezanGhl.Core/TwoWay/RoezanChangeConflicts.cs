using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;

namespace RoezanGhl.Core.TwoWay;

/// <summary>
/// The Roezan → GHL side of two-way conflicts: a Roezan change to a field that the last recorded change, made in GHL,
/// set within the conflict window. Pure: settles a plan already made under the contact's lease by the account's rule.
/// </summary>
/// <remarks>
/// Both values are recorded hashed in the plan's reason, which the ledger keeps with the plan.
/// The Roezan → GHL planner on its own lets the newer change win (an older Roezan change is stale and only fills values
/// GHL has none of). With a conflict the rule decides instead: <c>ghl-wins</c> keeps GHL's values (the update writes
/// only what GHL has none of), <c>roezan-wins</c> writes Roezan's values even when its change is the older one,
/// <c>newest-wins</c> keeps what the planner did. Either way the winner is also written back to Roezan
/// (<see cref="RoezanConflictSettlement.RoezanWriteBack"/>, <see cref="ConflictWriteBack"/>). Only the fields both directions carry (names and email) are judged.
/// </remarks>
public static class RoezanChangeConflicts
{
    /// <param name="plan">The Roezan → GHL plan, made under the contact's lease.</param>
    /// <param name="incoming">The Roezan contact through the account's mapping.</param>
    /// <param name="linked">What the link records (after a GHL change, the state it left on both sides).</param>
    /// <param name="ghlChangeWrittenAt">
    /// When our last write to this contact carried a GHL change to Roezan (the newest entry of its echo history, when
    /// that entry is a write to Roezan): the link's own "last event" is not enough, as Roezan's echo of that write
    /// records itself there.
    /// </param>
    /// <param name="rules">The account's rules.</param>
    /// <param name="ghlWrite">
    /// That write's echo history entry, when known: the GHL change's own time (<see cref="EchoEntry.ChangedAt"/>) is then
    /// what the window and <c>newest-wins</c> compare with, and only the fields the write replaced
    /// (<see cref="EchoEntry.Before"/>) can be contested.
    /// </param>
    public static RoezanConflictSettlement Settle(SyncPlan plan, ContactFields incoming, ContactSnapshot linked, DateTimeOffset? ghlChangeWrittenAt, GhlChangeRules rules, EchoEntry? ghlWrite = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(linked);
        ArgumentNullException.ThrowIfNull(rules);
        if (plan.Disposition != PlanDisposition.Apply && plan.Disposition != PlanDisposition.Skip
            || ghlChangeWrittenAt is not { } writtenAt || plan.OccurredAt is not { } roezanAt)
        {
            return new RoezanConflictSettlement(plan, []);
        }

        // Each side's own change time: GHL's dateUpdated when the write recorded it, else (older entries) our write time.
        // Concurrent: Roezan's change was made before our write of GHL's change reached Roezan, so neither was made
        // knowing the other, however long the queue delayed the write; or the two are within the window by their times.
        var ghlAt = ghlWrite?.ChangedAt ?? writtenAt;
        var concurrent = ghlWrite?.ChangedAt is not null && roezanAt < writtenAt;
        if (!concurrent && (roezanAt - ghlAt).Duration() > rules.ConflictWindow)
        {
            return new RoezanConflictSettlement(plan, []);
        }

        var theirs = linked.Fields;
        // A value GHL has none of is a fill, not a conflict; a field GHL's change did not write is not contested.
        var changed = Judged(incoming.ChangedFrom(theirs));
        var contested = changed.Values().Where(pair => ValueOf(theirs, pair.Key) is not null && (ghlWrite?.Before is not { } wrote || wrote.ContainsKey(pair.Key))).ToList();
        if (contested.Count == 0)
        {
            return new RoezanConflictSettlement(plan, []);
        }

        var ghlWins = rules.ConflictRule switch
        {
            ConflictRule.GhlWins => true,
            ConflictRule.RoezanWins => false,
            // A tie (the same millisecond on two clocks) goes to GHL, as on the GHL → Roezan side (GhlChangePlanner), so
            // both sides settle it the same way whichever event is processed first.
            _ => roezanAt <= ghlAt,
        };
        var conflicts = contested.Select(pair => new FieldConflict(pair.Key, ValueOf(theirs, pair.Key), pair.Value, ghlWins)).ToList();
        // GHL winning keeps only the contested fields: Roezan's other changes are written as any change.
        var write = !ghlWins ? changed
            : ghlWrite?.Before is null ? Judged(incoming.MissingFrom(theirs))
            : OverwrittenValues.Without(changed, contested.Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal)).MergedWith(Judged(incoming.MissingFrom(theirs)));
        var others = plan.Steps.Where(step => step is not UpdateContactStep).ToList();
        var update = plan.Steps.OfType<UpdateContactStep>().FirstOrDefault();
        var kept = update is null ? ContactFields.Empty : update.Fields with { FirstName = null, LastName = null, Email = null };
        var fields = kept.MergedWith(write);
        var steps = fields.IsEmpty ? others : [new UpdateContactStep { Fields = fields, Reason = $"conflict settled ({(ghlWins ? "GHL" : "Roezan")} kept): {fields.DescribeMembers()}" }, .. others];
        var reason = $"{plan.Reason}; conflict with a GHL change within {rules.ConflictWindow.TotalSeconds:0.#} s, {(ghlWins ? "GHL" : "Roezan")} kept: {string.Join("; ", conflicts.Select(Hashed))}";
        var state = (plan.ContactState ?? theirs).MergedWith(write);
        if (ghlWins)
        {
            bool Kept(string field) => contested.Exists(pair => pair.Key == field);
            state = state with
            {
                FirstName = Kept("firstName") ? theirs.FirstName : state.FirstName,
                LastName = Kept("lastName") ? theirs.LastName : state.LastName,
                Email = Kept("email") ? theirs.Email : state.Email,
            };
        }

        var settled = steps.Count == 0
            ? PlanRules.Skip(plan, reason) with { ContactState = null, ContactStateOccurredAt = null }
            : PlanRules.Apply(plan, steps, reason) with { ContactState = state, ContactStateOccurredAt = PlanRules.Later(ghlAt, roezanAt), ContactStateFieldChanges = ghlWins ? Kept(plan.ContactStateFieldChanges, linked, contested) : plan.ContactStateFieldChanges };
        // Roezan gets the winner back when it does not hold it (ConflictWriteBack): with Roezan winning, when our write
        // of GHL's value came after this event and overwrote it; with GHL winning, when the event came after that write
        // (the order of the event and our write to Roezan, so our write time, not GHL's change time).
        var writeBack = ConflictWriteBack.Needed(senderWon: !ghlWins, roezanAt, writtenAt) ? ConflictWriteBack.Winners(conflicts) : ContactFields.Empty;
        return new RoezanConflictSettlement(settled, conflicts) { RoezanWriteBack = writeBack };
    }

    /// <summary>
    /// The write of a GHL change to Roezan that a Roezan change may conflict with: the newest write to Roezan that replaced
    /// a name or email <paramref name="incoming"/> changes from <paramref name="recorded"/>, unless a Roezan change to
    /// that field was written to GHL after it (the link then holds Roezan's value); null when there is none.
    /// </summary>
    /// <remarks>
    /// Not simply our newest write: under load a GHL change can reach Roezan over Roezan's newer, still queued change, and
    /// a later write of other fields (a tag) then hid it, so the change won in GHL while Roezan kept GHL's older value.
    /// A write recorded without <see cref="EchoEntry.Before"/> (or <see cref="EchoEntry.After"/>) counts as every field.
    /// </remarks>
    public static EchoEntry? GhlWriteFor(EchoHistory history, ContactFields incoming, ContactFields recorded)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(recorded);
        var open = Judged(incoming.ChangedFrom(recorded)).Values().Select(pair => pair.Key).Where(field => ValueOf(recorded, field) is not null).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in history.Entries)
        {
            if (open.Count == 0)
            {
                return null;
            }

            var fields = entry.Target == SyncSystem.Roezan ? entry.Before : entry.After;
            if (entry.Target == SyncSystem.Roezan && (fields is null || open.Overlaps(fields.Keys)))
            {
                return entry;
            }

            if (entry.Target == SyncSystem.Ghl)
            {
                open.ExceptWith(fields?.Keys ?? open.ToList());
            }
        }

        return null;
    }

    /// <summary>
    /// A conflict with its values hashed (SHA-256, 12 hex digits): the plan's reason is also logged when the plan is
    /// skipped, and logs never hold personal values. Equal hashes show which side's value a contact ended with.
    /// </summary>
    public static string Hashed(FieldConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return $"{conflict.Field}: GHL #{Hash(conflict.GhlValue)} vs Roezan #{Hash(conflict.RoezanValue)}";
    }

    private static string Hash(string? value) =>
        value is null ? "(none)" : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)))[..12];

    // GHL kept the contested fields: they keep the change times the link had for them.
    private static Dictionary<string, FieldChange>? Kept(IReadOnlyDictionary<string, FieldChange>? planned, ContactSnapshot linked, List<KeyValuePair<string, string>> contested)
    {
        if (planned is null)
        {
            return null;
        }

        var times = new Dictionary<string, FieldChange>(planned, StringComparer.Ordinal);
        foreach (var (field, _) in contested)
        {
            if (linked.FieldChanges.TryGetValue(field, out var change))
            {
                times[field] = change;
            }
            else
            {
                times.Remove(field);
            }
        }

        return times;
    }

    private static ContactFields Judged(ContactFields fields) => new() { FirstName = fields.FirstName, LastName = fields.LastName, Email = fields.Email };

    private static string? ValueOf(ContactFields fields, string name) => name switch
    {
        "firstName" => fields.FirstName,
        "lastName" => fields.LastName,
        "email" => fields.Email,
        _ => null,
    };
}
