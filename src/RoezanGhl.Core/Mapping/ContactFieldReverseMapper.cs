using RoezanGhl.Core.Planning;

namespace RoezanGhl.Core.Mapping;

/// <summary>
/// The account's field mapping in reverse, for the two-way sync (GHL → Roezan): GHL's names, email and tags become the
/// values of the Roezan fields that feed them. Pure, like <see cref="ContactFieldMapper"/>, whose inverse it is on the
/// fields it writes: <c>forward(reverse(x))</c> gives <c>x</c> back (<see cref="ToGhl"/>), so the Roezan webhook about
/// our write, mapped forward, is what we recorded, and nothing bounces.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A GHL field fed by several Roezan fields is written to the first of them in field order: the one the forward
/// mapping reads first, so it wins over whatever the others hold and the round trip is stable.</item>
/// <item>Only Roezan fields its API writes count (<see cref="RoezanWritableFields"/>): a GHL field fed by none of them
/// (or by nothing, or <c>none</c>) is not written to Roezan.</item>
/// <item>Tags: with a <see cref="AccountMapping.TagPrefix"/> only GHL tags carrying it go back, without it. A GHL tag
/// without the prefix was set in GHL (a user, a workflow): sent to Roezan, it would come back prefixed as a new GHL
/// tag. Tags mapped to <c>none</c> send none back. The opt-out tag always goes, as it is: an opt-out is never dropped.</item>
/// <item>The phone is the key of the contact on both sides and is not mapped.</item>
/// </list>
/// </remarks>
public static class ContactFieldReverseMapper
{
    private static readonly string FirstName = StandardContactFields.NameOf(StandardContactField.FirstName);
    private static readonly string LastName = StandardContactFields.NameOf(StandardContactField.LastName);
    private static readonly string Email = StandardContactFields.NameOf(StandardContactField.Email);
    private static readonly AccountMapping DefaultMapping = new();

    /// <summary>The Roezan fields its API writes (<c>POST /integrations/contacts</c>), besides the phone and tags.</summary>
    public static IReadOnlyList<string> RoezanWritableFields { get; } = [FirstName, LastName, Email];

    /// <summary>The Roezan field that GHL's <paramref name="ghlField"/> is written to, or null when no Roezan field that Roezan's API writes feeds it.</summary>
    public static string? RoezanFieldFor(AccountMapping mapping, string ghlField) =>
        ContactFieldMapper.SourcesOf(mapping, ghlField).FirstOrDefault(source => RoezanWritableFields.Contains(source, StringComparer.Ordinal));

    /// <summary>Whether GHL's tags go back to Roezan at all (tags not mapped to <c>none</c>); the opt-out tag goes either way.</summary>
    public static bool TagsGoBack(AccountMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var tags = StandardContactFields.NameOf(StandardContactField.Tags);
        return !(mapping.StandardFields.TryGetValue(tags, out var target) && target?.Trim() == AccountMapping.NotMapped);
    }

    /// <summary>GHL's <paramref name="ghl"/> values as the Roezan values that feed them; what no Roezan field feeds is left out.</summary>
    /// <param name="ghl">Values in GHL's terms (names, email, phone, tags); other members are not carried back.</param>
    /// <param name="mapping">The account's mapping (a validated one).</param>
    /// <param name="optOutTag">The tag that opts a Roezan contact out (<c>Sync:TwoWay:OptOutTag</c>): always sent as it is.</param>
    public static RoezanContactValues ToRoezan(ContactFields ghl, AccountMapping mapping, string? optOutTag)
    {
        ArgumentNullException.ThrowIfNull(ghl);
        ArgumentNullException.ThrowIfNull(mapping);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, value) in new[] { (FirstName, ghl.FirstName), (LastName, ghl.LastName), (Email, ghl.Email) })
        {
            // A Roezan field feeds one GHL field only, so two GHL fields never land in the same Roezan field.
            if (Clean(value) is { } text && RoezanFieldFor(mapping, field) is { } target)
            {
                values[target] = text;
            }
        }

        return new RoezanContactValues
        {
            FirstName = values.GetValueOrDefault(FirstName),
            LastName = values.GetValueOrDefault(LastName),
            Email = values.GetValueOrDefault(Email),
            Phone = Clean(ghl.Phone),
            Tags = TagsToRoezan(ghl.Tags, mapping, Clean(optOutTag)),
        };
    }

    /// <summary>
    /// Roezan's <paramref name="roezan"/> values in GHL's terms, as the forward mapping gives them (before field
    /// directions, which filter writes, not terms): the terms the link's state and the echo fingerprints are kept in.
    /// </summary>
    public static ContactFields ToGhl(RoezanContactValues roezan, AccountMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(roezan);
        ArgumentNullException.ThrowIfNull(mapping);
        var mapped = ContactFieldMapper.Map(new MappableContact { FirstName = roezan.FirstName, LastName = roezan.LastName, Email = roezan.Email, Tags = roezan.Tags }, mapping);
        return new ContactFields
        {
            FirstName = mapped.StandardFields.GetValueOrDefault(FirstName),
            LastName = mapped.StandardFields.GetValueOrDefault(LastName),
            Email = mapped.StandardFields.GetValueOrDefault(Email)?.ToLowerInvariant(),
            Phone = Clean(roezan.Phone),
            Tags = mapped.TagsToAdd,
        };
    }

    /// <summary>The <see cref="AccountMapping"/> behind a planner's field mapping; the default mapping (each field to itself) for any other.</summary>
    public static AccountMapping MappingOf(IContactFieldMapping fieldMapping) =>
        fieldMapping is AccountContactFieldMapping account ? account.Mapping : DefaultMapping;

    private static List<string> TagsToRoezan(IReadOnlyList<string> tags, AccountMapping mapping, string? optOutTag)
    {
        var prefix = Clean(mapping.TagPrefix) is null ? string.Empty : mapping.TagPrefix!;
        var goBack = TagsGoBack(mapping);
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in tags)
        {
            if (Clean(raw) is not { } tag)
            {
                continue;
            }

            string? back = optOutTag is not null && string.Equals(tag, optOutTag, StringComparison.OrdinalIgnoreCase) ? optOutTag
                : !goBack ? null
                : prefix.Length == 0 ? tag
                : tag.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? Clean(tag[prefix.Length..])
                : null;
            if (back is not null && seen.Add(back))
            {
                result.Add(back);
            }
        }

        return result;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
