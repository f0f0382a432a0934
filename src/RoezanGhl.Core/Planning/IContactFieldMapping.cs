using RoezanGhl.Core.Events;
using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Core.Planning;

/// <summary>
/// Turns a Roezan contact into GHL contact values: the planner calls it for every contact event and for
/// the contact a first message creates. Configured accounts use <see cref="Mapping.AccountContactFieldMapping"/>.
/// Must be pure: no I/O, same input, same output.
/// </summary>
public interface IContactFieldMapping
{
    /// <summary>The GHL values for <paramref name="contact"/>; empty Roezan values come back as null (not written).</summary>
    ContactFields Map(RoezanContact contact);

    /// <summary>
    /// The tags to remove from the GHL contact: in mirror mode, those of <paramref name="appliedTags"/> (the
    /// tags this app has put on the contact) that Roezan's list no longer has; none in additive mode, and
    /// none when Roezan sent no tag list at all.
    /// </summary>
    IReadOnlyList<string> TagsToRemove(RoezanContact contact, IReadOnlyCollection<string> appliedTags);

    /// <summary>
    /// The Roezan standard fields (camelCase names) whose values feed GHL's <paramref name="ghlField"/>; none when no
    /// Roezan field does. A coalesced change's per-field times are keyed by Roezan's names, the link's by GHL's: this
    /// translates one into the other (<see cref="FieldChangeTimes"/>).
    /// </summary>
    IReadOnlyList<string> SourcesOf(string ghlField);
}
