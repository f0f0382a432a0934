namespace RoezanGhl.Core.Mapping;

/// <summary>
/// Maps a Roezan contact to GHL fields with an account's <see cref="AccountMapping"/>. Pure: no I/O,
/// no clock, the same input always gives the same output. Blank values are dropped rather than sent,
/// so an update can never clear a GHL field because Roezan left it empty.
/// </summary>
public static class ContactFieldMapper
{
    /// <param name="contact">The Roezan contact.</param>
    /// <param name="mapping">The account's mapping (a validated one: see <see cref="AccountMappingValidator"/>).</param>
    /// <param name="currentGhlTags">The GHL contact's tags now, when known: tags it has are not added again, and Mirror mode needs them to remove any.</param>
    public static MappedContact Map(MappableContact contact, AccountMapping mapping, IReadOnlyCollection<string>? currentGhlTags = null)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(mapping);

        var standard = new Dictionary<string, string>(StringComparer.Ordinal);
        string? ownSource = null;
        foreach (var field in Enum.GetValues<StandardContactField>())
        {
            if (field == StandardContactField.Tags || Clean(contact.Get(field)) is not { } value)
            {
                continue;
            }

            var target = TargetOf(mapping, field);
            if (target == AccountMapping.NotMapped)
            {
                continue;
            }

            if (target == StandardContactFields.NameOf(StandardContactField.Source))
            {
                ownSource ??= value;
            }
            else
            {
                // Several Roezan fields may feed one GHL field: the first with a value, in field order, wins.
                standard.TryAdd(target, value);
            }
        }

        var source = ownSource ?? Clean(mapping.Source);
        var (customFields, unmapped) = MapCustomFields(contact, mapping);
        var (add, remove) = MapTags(contact, mapping, currentGhlTags);
        return new MappedContact(standard, customFields, add, remove, source, unmapped);
    }

    /// <summary>The Roezan standard fields (camelCase names) <paramref name="mapping"/> sends to GHL's <paramref name="ghlField"/>, in field order.</summary>
    public static IReadOnlyList<string> SourcesOf(AccountMapping mapping, string ghlField)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return Enum.GetValues<StandardContactField>()
            .Where(field => field != StandardContactField.Tags && TargetOf(mapping, field) == ghlField)
            .Select(StandardContactFields.NameOf)
            .ToList();
    }

    private static string TargetOf(AccountMapping mapping, StandardContactField field)
    {
        var name = StandardContactFields.NameOf(field);
        return mapping.StandardFields.TryGetValue(name, out var target) && !string.IsNullOrWhiteSpace(target) ? target.Trim() : name;
    }

    private static (IReadOnlyList<MappedCustomField> Mapped, IReadOnlyList<string> Unmapped) MapCustomFields(MappableContact contact, AccountMapping mapping)
    {
        var targets = new Dictionary<string, GhlCustomFieldTarget>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, target) in mapping.CustomFields.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            targets.TryAdd(name, target);
        }

        var mapped = new List<MappedCustomField>();
        var unmapped = new List<string>();
        foreach (var (name, raw) in contact.CustomFields.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (Clean(raw) is not { } value)
            {
                continue;
            }

            if (targets.TryGetValue(name, out var target) && (Clean(target.Id) ?? Clean(target.Key)) is not null)
            {
                mapped.Add(Clean(target.Id) is { } id ? new MappedCustomField(id, null, value) : new MappedCustomField(null, Clean(target.Key), value));
            }
            else
            {
                unmapped.Add(name);
            }
        }

        return (mapped, unmapped);
    }

    private static (IReadOnlyList<string> Add, IReadOnlyList<string> Remove) MapTags(MappableContact contact, AccountMapping mapping, IReadOnlyCollection<string>? currentGhlTags)
    {
        var tagsTarget = TargetOf(mapping, StandardContactField.Tags);
        if (contact.Tags is null || tagsTarget == AccountMapping.NotMapped)
        {
            return ([], []);
        }

        var prefix = Clean(mapping.TagPrefix) is null ? string.Empty : mapping.TagPrefix!;
        var wanted = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in contact.Tags)
        {
            if (Clean(raw) is not { } tag)
            {
                continue;
            }

            var prefixed = tag.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? tag : prefix + tag;
            if (seen.Add(prefixed))
            {
                wanted.Add(prefixed);
            }
        }

        var current = new HashSet<string>(currentGhlTags?.Select(t => t.Trim()) ?? [], StringComparer.OrdinalIgnoreCase);
        var add = wanted.Where(tag => !current.Contains(tag)).ToList();
        if (mapping.TagMode != TagMode.Mirror || currentGhlTags is null)
        {
            return (add, []);
        }

        // Mirror: remove what Roezan no longer has — with a prefix, only the tags this app owns.
        var remove = currentGhlTags
            .Select(t => t.Trim())
            .Where(tag => tag.Length > 0 && !seen.Contains(tag))
            .Where(tag => prefix.Length == 0 || tag.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return (add, remove);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
