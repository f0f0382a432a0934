using System.Text.Json.Serialization;
using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Core.Planning;

/// <summary>
/// Contact values in GHL's terms (after field mapping). A null member means "no value": it is never
/// written, so an empty Roezan field never blanks a GHL field. Also the shape of the last applied state
/// kept in the links table.
/// </summary>
public sealed record ContactFields
{
    private const string CompanyNameField = "companyName";

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    /// <summary>Lower-cased.</summary>
    public string? Email { get; init; }

    /// <summary>E.164.</summary>
    public string? Phone { get; init; }

    /// <summary>Tags to have on the contact (added, never replaced).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>
    /// The other GHL standard fields by their GHL JSON name (<c>name</c>, <c>companyName</c>, <c>address1</c>,
    /// <c>city</c>, <c>source</c>, ...; see <see cref="Mapping.StandardContactFields"/>), as the account's mapping fills them.
    /// </summary>
    public IReadOnlyDictionary<string, string> StandardFields { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>GHL custom field values by GHL custom field id (the mapping decides the ids).</summary>
    public IReadOnlyDictionary<string, string> CustomFields { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>GHL custom field values by GHL custom field key (<c>contact.plan</c>), for mappings that name the key rather than the id.</summary>
    public IReadOnlyDictionary<string, string> CustomFieldsByKey { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public static ContactFields Empty { get; } = new();

    /// <summary>True when no member carries a value.</summary>
    [JsonIgnore]
    public bool IsEmpty => FirstName is null && LastName is null && Email is null && Phone is null && Tags.Count == 0
        && StandardFields.Count == 0 && CustomFields.Count == 0 && CustomFieldsByKey.Count == 0;

    /// <summary>The same values without tags (for writes whose <c>tags</c> would replace GHL's).</summary>
    public ContactFields WithoutTags() => this with { Tags = [] };

    /// <summary>
    /// The same values without those GHL's <c>PUT /contacts/{id}</c> does not take (<c>UpdateContactDto</c> has
    /// no <c>companyName</c>; create and upsert do): what an update of a linked contact may carry.
    /// </summary>
    public ContactFields ForUpdate() =>
        StandardFields.ContainsKey(CompanyNameField)
            ? this with { StandardFields = StandardFields.Where(pair => pair.Key != CompanyNameField).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal) }
            : this;

    /// <summary>The same values without <paramref name="removed"/> among the tags (GHL compares tags case-insensitively).</summary>
    public ContactFields WithoutTags(IReadOnlyCollection<string> removed)
    {
        ArgumentNullException.ThrowIfNull(removed);
        var gone = new HashSet<string>(removed, StringComparer.OrdinalIgnoreCase);
        return this with { Tags = Tags.Where(tag => !gone.Contains(tag)).ToList() };
    }

    /// <summary>
    /// The members of this (incoming) value that carry a value and differ from <paramref name="applied"/>:
    /// what a <c>PUT /contacts/{id}</c> should send. Tags are left out (they go through the tags endpoint).
    /// </summary>
    public ContactFields ChangedFrom(ContactFields applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        return new ContactFields
        {
            FirstName = Changed(FirstName, applied.FirstName, StringComparison.Ordinal),
            LastName = Changed(LastName, applied.LastName, StringComparison.Ordinal),
            Email = Changed(Email, applied.Email, StringComparison.OrdinalIgnoreCase),
            Phone = Changed(Phone, applied.Phone, StringComparison.Ordinal),
            StandardFields = ChangedEntries(StandardFields, applied.StandardFields),
            CustomFields = ChangedEntries(CustomFields, applied.CustomFields),
            CustomFieldsByKey = ChangedEntries(CustomFieldsByKey, applied.CustomFieldsByKey),
        };
    }

    /// <summary>
    /// The members of this (incoming) value that <paramref name="applied"/> has no value for at all: what a
    /// stale change may still write without overwriting a newer one. Tags are left out.
    /// </summary>
    public ContactFields MissingFrom(ContactFields applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        return new ContactFields
        {
            FirstName = applied.FirstName is null ? FirstName : null,
            LastName = applied.LastName is null ? LastName : null,
            Email = applied.Email is null ? Email : null,
            Phone = applied.Phone is null ? Phone : null,
            StandardFields = MissingEntries(StandardFields, applied.StandardFields),
            CustomFields = MissingEntries(CustomFields, applied.CustomFields),
            CustomFieldsByKey = MissingEntries(CustomFieldsByKey, applied.CustomFieldsByKey),
        };
    }

    /// <summary>This value's tags that <paramref name="applied"/> does not have yet (GHL compares tags case-insensitively).</summary>
    public IReadOnlyList<string> TagsMissingFrom(ContactFields applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        var known = new HashSet<string>(applied.Tags, StringComparer.OrdinalIgnoreCase);
        return Tags.Where(tag => known.Add(tag)).ToList();
    }

    /// <summary>
    /// <paramref name="newer"/> laid over this value: members with a value win, missing ones keep the old
    /// value, tags are the union. What GHL holds after applying <paramref name="newer"/>.
    /// </summary>
    public ContactFields MergedWith(ContactFields newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        return new ContactFields
        {
            FirstName = newer.FirstName ?? FirstName,
            LastName = newer.LastName ?? LastName,
            Email = newer.Email ?? Email,
            Phone = newer.Phone ?? Phone,
            Tags = [.. Tags, .. newer.TagsMissingFrom(this)],
            StandardFields = MergedEntries(StandardFields, newer.StandardFields),
            CustomFields = MergedEntries(CustomFields, newer.CustomFields),
            CustomFieldsByKey = MergedEntries(CustomFieldsByKey, newer.CustomFieldsByKey),
        };
    }

    /// <summary>
    /// Every member with a value as (GHL name, value), tags left out: for a note in GHL that lists what
    /// changed. Personal values: never for logs (use <see cref="DescribeMembers"/> there).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Values()
    {
        var values = new List<KeyValuePair<string, string>>();
        if (FirstName is not null) values.Add(new("firstName", FirstName));
        if (LastName is not null) values.Add(new("lastName", LastName));
        if (Email is not null) values.Add(new("email", Email));
        if (Phone is not null) values.Add(new("phone", Phone));
        values.AddRange(StandardFields.OrderBy(pair => pair.Key, StringComparer.Ordinal));
        values.AddRange(CustomFields.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new KeyValuePair<string, string>("customField:" + pair.Key, pair.Value)));
        values.AddRange(CustomFieldsByKey.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new KeyValuePair<string, string>("customField:key:" + pair.Key, pair.Value)));
        return values;
    }

    /// <summary>A one-line description without values that could be personal (names of the members only).</summary>
    public string DescribeMembers()
    {
        var names = new List<string>();
        if (FirstName is not null) names.Add("firstName");
        if (LastName is not null) names.Add("lastName");
        if (Email is not null) names.Add("email");
        if (Phone is not null) names.Add("phone");
        if (Tags.Count > 0) names.Add($"tags[{Tags.Count}]");
        names.AddRange(StandardFields.Keys.Order(StringComparer.Ordinal));
        names.AddRange(CustomFields.Keys.Order(StringComparer.Ordinal).Select(key => "customField:" + key));
        names.AddRange(CustomFieldsByKey.Keys.Order(StringComparer.Ordinal).Select(key => "customField:key:" + key));
        return names.Count == 0 ? "(nothing)" : string.Join(", ", names);
    }

    public bool Equals(ContactFields? other) =>
        other is not null
        && string.Equals(FirstName, other.FirstName, StringComparison.Ordinal)
        && string.Equals(LastName, other.LastName, StringComparison.Ordinal)
        && string.Equals(Email, other.Email, StringComparison.Ordinal)
        && string.Equals(Phone, other.Phone, StringComparison.Ordinal)
        && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal)
        && SameEntries(StandardFields, other.StandardFields)
        && SameEntries(CustomFields, other.CustomFields)
        && SameEntries(CustomFieldsByKey, other.CustomFieldsByKey);

    public override int GetHashCode() => HashCode.Combine(FirstName, LastName, Email, Phone, Tags.Count, StandardFields.Count, CustomFields.Count, CustomFieldsByKey.Count);

    private static Dictionary<string, string> ChangedEntries(IReadOnlyDictionary<string, string> incoming, IReadOnlyDictionary<string, string> applied) =>
        incoming.Where(pair => !applied.TryGetValue(pair.Key, out var old) || !string.Equals(old, pair.Value, StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    private static Dictionary<string, string> MissingEntries(IReadOnlyDictionary<string, string> incoming, IReadOnlyDictionary<string, string> applied) =>
        incoming.Where(pair => !applied.ContainsKey(pair.Key)).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    private static Dictionary<string, string> MergedEntries(IReadOnlyDictionary<string, string> older, IReadOnlyDictionary<string, string> newer)
    {
        var merged = new Dictionary<string, string>(older, StringComparer.Ordinal);
        foreach (var (key, value) in newer)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static bool SameEntries(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));

    private static string? Changed(string? incoming, string? applied, StringComparison comparison) =>
        incoming is not null && !string.Equals(incoming, applied, comparison) ? incoming : null;
}
