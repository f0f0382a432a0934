using System.Globalization;

namespace RoezanGhl.LoadHarness.Workload;

/// <summary>
/// Hands out the contacts of a location's <c>contact.updated</c>: each known contact takes <c>perContact</c> updates in a
/// row (a bulk edit in Roezan). Each update sends the whole record as Roezan has it then: a new last name every time,
/// and, when several updates share a contact, a new first name in about half of them (kept by the later ones); half carry
/// a new tag. So the newest update of a contact names every value GHL must end with, and each tag must be there.
/// </summary>
public sealed class UpdateRun(int perContact, Queue<KnownContact> contacts)
{
    private KnownContact? _current;
    private string? _firstName;
    private int _left;

    public bool HasNext => _left > 0 || contacts.Count > 0;

    public ScriptedEvent Next(ScriptedEvent common, Random random)
    {
        ArgumentNullException.ThrowIfNull(common);
        ArgumentNullException.ThrowIfNull(random);
        if (_left == 0)
        {
            _current = contacts.Dequeue();
            _firstName = _current.FirstName;
            _left = Math.Max(1, perContact);
        }

        _left--;
        var contact = _current!;

        // Only profiles with several updates per contact draw for the first name, so the others' scripts stay as they were.
        if (perContact > 1 && random.NextDouble() < 0.5)
        {
            _firstName = string.Create(CultureInfo.InvariantCulture, $"{contact.FirstName}-{common.Sequence}");
        }

        return common with
        {
            Kind = EventKind.ContactUpdated,
            Contact = contact,
            FirstName = _firstName,
            LastName = string.Create(CultureInfo.InvariantCulture, $"{contact.LastName}-{common.Sequence}"),
            NewTag = random.NextDouble() < EventMix.NewTagShare ? "tag-" + common.Marker.Trim('[', ']') : null,
        };
    }
}
