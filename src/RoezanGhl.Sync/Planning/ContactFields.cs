using System.Text.Json.Serialization;

namespace RoezanGhl.Sync.Planning;

/// <summary>
/// Contact values in GHL's terms (after field mapping). A null member means "no value": it is never
/// written, so an empty Roezan field never blanks a GHL field. Also the shape of the last applied state
/// kept in the links table.
/// </summary>
public sealed record ContactFields
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    /// <summary>Lower-cased.</summary>
    public string? Email { get; init; }

    /// <summary>E.164.</summary>
    public string? Phone { get; init; }

    /// <summary>Tags to have on the contact (added, never replaced).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>GHL custom field values by GHL custom field id (the mapping decides the ids).</summary>
    public IReadOnlyDictionary<string, string> CustomFields { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public static ContactFields Empty { get; } = new();

    /// <summary>True when no member carries a value.</summary>
    [JsonIgnore]
    public bool IsEmpty => FirstName is null && LastName is null && Email is null && Phone is null && Tags.Count == 0 && CustomFields.Count == 0;

    /// <summary>The same values without tags (for writes whose <c>tags</c> would replace GHL's).</summary>
    public ContactFields WithoutTags() => this with { Tags = [] };

    /// <summary>
    /// The members of this (incoming) value that carry a value and differ from <paramref name="applied"/>:
    /// what a <c>PUT /contacts/{id}</c> should send. Tags are left out (they go through the tags endpoint).
    /// </summary>
    public ContactFields ChangedFrom(ContactFields applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        var custom = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in CustomFields)
        {
            if (!applied.CustomFields.TryGetValue(key, out var old) || !string.Equals(old, value, StringComparison.Ordinal))
            {
                custom[key] = value;
            }
        }

        return new ContactFields
        {
            FirstName = Changed(FirstName, applied.FirstName, StringComparison.Ordinal),
            LastName = Changed(LastName, applied.LastName, StringComparison.Ordinal),
            Email = Changed(Email, applied.Email, StringComparison.OrdinalIgnoreCase),
            Phone = Changed(Phone, applied.Phone, StringComparison.Ordinal),
            CustomFields = custom,
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
            CustomFields = CustomFields.Where(pair => !applied.CustomFields.ContainsKey(pair.Key)).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal),
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
        var custom = new Dictionary<string, string>(CustomFields, StringComparer.Ordinal);
        foreach (var (key, value) in newer.CustomFields)
        {
            custom[key] = value;
        }

        return new ContactFields
        {
            FirstName = newer.FirstName ?? FirstName,
            LastName = newer.LastName ?? LastName,
            Email = newer.Email ?? Email,
            Phone = newer.Phone ?? Phone,
            Tags = [.. Tags, .. newer.TagsMissingFrom(this)],
            CustomFields = custom,
        };
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
        names.AddRange(CustomFields.Keys.Order(StringComparer.Ordinal).Select(key => "customField:" + key));
        return names.Count == 0 ? "(nothing)" : string.Join(", ", names);
    }

    public bool Equals(ContactFields? other) =>
        other is not null
        && string.Equals(FirstName, other.FirstName, StringComparison.Ordinal)
        && string.Equals(LastName, other.LastName, StringComparison.Ordinal)
        && string.Equals(Email, other.Email, StringComparison.Ordinal)
        && string.Equals(Phone, other.Phone, StringComparison.Ordinal)
        && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal)
        && CustomFields.Count == other.CustomFields.Count
        && CustomFields.All(pair => other.CustomFields.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));

    public override int GetHashCode() => HashCode.Combine(FirstName, LastName, Email, Phone, Tags.Count, CustomFields.Count);

    private static string? Changed(string? incoming, string? applied, StringComparison comparison) =>
        incoming is not null && !string.Equals(incoming, applied, comparison) ? incoming : null;
}
