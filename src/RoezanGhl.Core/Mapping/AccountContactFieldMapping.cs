using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.Core.Mapping;

/// <summary>
/// The planner's field mapping for a configured account: a Roezan contact (custom field values as text)
/// through <see cref="ContactFieldMapper"/> with the account's <see cref="AccountMapping"/>. GHL's four
/// identity/name fields land in their own members, every other standard field (and <c>source</c>) in
/// <see cref="ContactFields.StandardFields"/>, custom fields by id or by key; tags carry the prefix.
/// </summary>
public sealed class AccountContactFieldMapping : IContactFieldMapping
{
    private static readonly string FirstName = StandardContactFields.NameOf(StandardContactField.FirstName);
    private static readonly string LastName = StandardContactFields.NameOf(StandardContactField.LastName);
    private static readonly string Email = StandardContactFields.NameOf(StandardContactField.Email);
    private static readonly string Phone = StandardContactFields.NameOf(StandardContactField.Phone);
    private static readonly string Source = StandardContactFields.NameOf(StandardContactField.Source);

    public AccountContactFieldMapping(AccountMapping mapping) => Mapping = mapping ?? throw new ArgumentNullException(nameof(mapping));

    public AccountMapping Mapping { get; }

    public ContactFields Map(RoezanContact contact)
    {
        var mapped = ContactFieldMapper.Map(Readable(contact), Mapping);
        var standard = mapped.StandardFields;
        var others = standard
            .Where(pair => pair.Key != FirstName && pair.Key != LastName && pair.Key != Email && pair.Key != Phone)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        if (mapped.Source is { } source)
        {
            others[Source] = source;
        }

        // The account's field directions: a field that flows only GHL → Roezan is not written to GHL.
        return FieldDirections.ToGhl(new ContactFields
        {
            FirstName = standard.GetValueOrDefault(FirstName),
            LastName = standard.GetValueOrDefault(LastName),
            Email = standard.GetValueOrDefault(Email)?.ToLowerInvariant(),
            Phone = standard.GetValueOrDefault(Phone),
            Tags = mapped.TagsToAdd,
            StandardFields = others,
            CustomFields = mapped.CustomFields.Where(field => field.Id is not null).ToDictionary(field => field.Id!, field => field.Value, StringComparer.Ordinal),
            CustomFieldsByKey = mapped.CustomFields.Where(field => field.Id is null).ToDictionary(field => field.Key!, field => field.Value, StringComparer.Ordinal),
        }, Mapping.Directions);
    }

    public IReadOnlyList<string> TagsToRemove(RoezanContact contact, IReadOnlyCollection<string> appliedTags)
    {
        ArgumentNullException.ThrowIfNull(appliedTags);
        return !FieldDirections.TagsToGhl(Mapping.Directions) ? [] : ContactFieldMapper.Map(Readable(contact), Mapping, appliedTags).TagsToRemove;
    }

    public IReadOnlyList<string> SourcesOf(string ghlField) => ContactFieldMapper.SourcesOf(Mapping, ghlField);

    private static MappableContact Readable(RoezanContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new MappableContact
        {
            FirstName = contact.FirstName,
            LastName = contact.LastName,
            Email = contact.Email,
            Phone = contact.Phone,
            Tags = contact.Tags,
            CustomFields = contact.CustomFieldTexts().ToDictionary(pair => pair.Key, pair => (string?)pair.Value, StringComparer.Ordinal),
        };
    }
}
