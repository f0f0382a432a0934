using System.Security.Cryptography;
using System.Text;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;

namespace RoezanGhl.Core.TwoWay;

/// <summary>
/// The values an event carries that our own later write has already replaced in its system: such a value is not a
/// change and must not be copied to the other system (the lost update of a whole-contact webhook). Pure.
/// </summary>
/// <remarks>
/// <para>Why: both systems send the whole contact with every change. An event made in a system <em>before</em> our write
/// to that system landed carries, in the fields that write replaced, the values the system held before it. Compared with
/// the recorded state (which already holds the written values) they look like changes and, being "newer" than the
/// change we wrote by their own time, would be written back over it in the other system while the sending system keeps
/// our value: the two then diverge, and the sending system's webhook about our write is skipped as an echo, so nothing
/// repairs it. (Under load the write lands long after the change, so this is common: a tag added in Roezan while a
/// first name changed in GHL was queued undid the first name in GHL.)</para>
/// <para>The rule: with every write, the echo history keeps, per name or email it replaced, a hash of the value the
/// target held before (<see cref="EchoEntry.Before"/>). An event from that system made before the write
/// (<c>madeAt &lt; WrittenAt</c>, its own time against ours, the comparison the write-back already relies on) whose value
/// of such a field still hashes to the value before the write did not change that field: the field is left out of the
/// event, so it neither writes nor counts as a conflict. A value that differs from both is a change the person made
/// before our write landed: it is kept, and the conflict rules decide between it and the written one.</para>
/// <para>Why it is correct under reordering and concurrency: it runs under the contact's lease, like every read of the
/// history, and each write's entry is stored before the write is made, so no event is judged against a history that
/// lacks a write already made. Events may be processed in any order: each is judged only by its own time against each
/// write's time, never by arrival. An event made after the write carries what the system holds then and is never
/// masked. (Left: an event made in the milliseconds between the entry being stored and the write landing is not masked
/// and is judged by the conflict rules as before.) Masking can only remove fields from an event, never add or change one,
/// so at worst a change is delayed to the next event of that system, not invented.</para>
/// </remarks>
public static class OverwrittenValues
{
    /// <summary>The names and email of <paramref name="written"/> that differ from <paramref name="before"/>, each with the hash of its value before.</summary>
    public static Dictionary<string, string> Before(ContactFields before, ContactFields written)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(written);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, value) in Judged(written))
        {
            var old = ValueOf(before, field);
            if (value is not null && !string.Equals(Normal(field, value), Normal(field, old), StringComparison.Ordinal))
            {
                hashes[field] = Hash(field, old);
            }
        }

        return hashes;
    }

    /// <summary>The names and email of <paramref name="written"/> that differ from <paramref name="before"/>, each with the hash of the value written.</summary>
    public static Dictionary<string, string> After(ContactFields before, ContactFields written)
    {
        ArgumentNullException.ThrowIfNull(written);
        return Before(before, written).Keys.ToDictionary(field => field, field => Hash(field, ValueOf(written, field)), StringComparer.Ordinal);
    }

    /// <summary>
    /// The fields of <paramref name="incoming"/>, an event made at <paramref name="madeAt"/> in <paramref name="source"/>,
    /// that carry a value one of our later writes to <paramref name="source"/> replaced (see the remarks).
    /// </summary>
    public static IReadOnlySet<string> In(ContactFields incoming, DateTimeOffset? madeAt, EchoHistory history, SyncSystem source)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(history);
        var fields = new HashSet<string>(StringComparer.Ordinal);
        if (madeAt is not { } made)
        {
            return fields;
        }

        foreach (var entry in history.Entries.Where(entry => entry.Target == source))
        {
            foreach (var (field, value) in Judged(incoming))
            {
                // The value before a write the event preceded, or a value we wrote ourselves coming back (per field, the
                // echo rule: the other system already holds it, or has changed it since and says so in its own event).
                if (value is not null
                    && ((made < entry.WrittenAt && entry.Before?.TryGetValue(field, out var before) == true && Hash(field, value) == before)
                        || (entry.After?.TryGetValue(field, out var after) == true && Hash(field, value) == after)))
                {
                    fields.Add(field);
                }
            }
        }

        return fields;
    }

    /// <summary><paramref name="fields"/> without the named members (no value: "not changed here").</summary>
    public static ContactFields Without(ContactFields fields, IReadOnlySet<string> names)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(names);
        return names.Count == 0 ? fields : fields with
        {
            FirstName = names.Contains("firstName") ? null : fields.FirstName,
            LastName = names.Contains("lastName") ? null : fields.LastName,
            Email = names.Contains("email") ? null : fields.Email,
        };
    }

    /// <summary>
    /// A Roezan → GHL plan without writing the named fields: they leave the contact's update (a plan left with no step is
    /// skipped), and the state it records keeps <paramref name="recorded"/>'s values of them.
    /// </summary>
    public static SyncPlan Without(SyncPlan plan, IReadOnlySet<string> names, ContactFields recorded)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(recorded);
        if (names.Count == 0 || plan.Disposition != PlanDisposition.Apply || !plan.Steps.OfType<UpdateContactStep>().Any())
        {
            return plan;
        }

        var steps = new List<PlanStep>(plan.Steps.Count);
        foreach (var step in plan.Steps)
        {
            if (step is not UpdateContactStep update)
            {
                steps.Add(step);
            }
            else if (Without(update.Fields, names) is { IsEmpty: false } fields)
            {
                steps.Add(update with { Fields = fields });
            }
        }

        var reason = $"{plan.Reason}; not written, values this app's later write replaced in Roezan: {string.Join(", ", names.Order(StringComparer.Ordinal))}";
        if (steps.Count == 0)
        {
            return PlanRules.Skip(plan, reason) with { ContactState = null, ContactStateOccurredAt = null };
        }

        var state = plan.ContactState is not { } after ? null : after with
        {
            FirstName = names.Contains("firstName") ? recorded.FirstName : after.FirstName,
            LastName = names.Contains("lastName") ? recorded.LastName : after.LastName,
            Email = names.Contains("email") ? recorded.Email : after.Email,
        };
        return PlanRules.Apply(plan, steps, reason) with { ContactState = state };
    }

    private static IEnumerable<(string Field, string? Value)> Judged(ContactFields fields) =>
        [("firstName", fields.FirstName), ("lastName", fields.LastName), ("email", fields.Email)];

    private static string? ValueOf(ContactFields fields, string field) => field switch
    {
        "firstName" => fields.FirstName,
        "lastName" => fields.LastName,
        _ => fields.Email,
    };

    private static string Normal(string field, string? value) =>
        value is null ? "" : field == "email" ? value.Trim().ToLowerInvariant() : value.Trim();

    // Per field, so that equal values of different fields do not match; 16 hex digits of SHA-256 (no values stored).
    private static string Hash(string field, string? value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(field + "\u001f" + Normal(field, value))))[..16];
}
