using System.Text.RegularExpressions;
using RoezanGhl.Core.Automations;

namespace RoezanGhl.Core.Mapping;

/// <summary>
/// Checks an <see cref="AccountMapping"/> and names each bad entry. The rules are exactly those of
/// <c>account-mapping.schema.json</c> (a test holds the two together), so an operator who validates
/// the file in an editor sees what the app will say at start.
/// </summary>
public static partial class AccountMappingValidator
{
    public const int MaxSourceLength = 100;
    public const int MaxTagPrefixLength = 40;
    public const int MaxCustomFieldNameLength = 100;

    public static IReadOnlyList<ConfigurationProblem> Validate(AccountMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var problems = new List<ConfigurationProblem>();
        ValidateStandardFields(mapping, problems);
        ValidateCustomFields(mapping, problems);
        ValidateDirections(mapping, problems);

        if (mapping.Source is null)
        {
            problems.Add(new("source", "must be text; use \"\" for no default source."));
        }
        else if (mapping.Source.Length > MaxSourceLength)
        {
            problems.Add(new("source", $"is longer than {MaxSourceLength} characters."));
        }

        if (mapping.TagPrefix is { } prefix && (prefix.Length > MaxTagPrefixLength || prefix.Contains(',', StringComparison.Ordinal)))
        {
            problems.Add(new("tagPrefix", $"must be at most {MaxTagPrefixLength} characters and hold no comma (GHL splits tags on commas)."));
        }

        if (!Enum.IsDefined(mapping.TagMode))
        {
            problems.Add(new("tagMode", "must be Additive or Mirror."));
        }

        problems.AddRange(AutomationValidator.Validate(mapping.Automations, mapping.SendingHours));
        return problems;
    }

    private static void ValidateStandardFields(AccountMapping mapping, List<ConfigurationProblem> problems)
    {
        var tags = StandardContactFields.NameOf(StandardContactField.Tags);
        foreach (var (roezanField, target) in mapping.StandardFields ?? [])
        {
            var path = $"standardFields:{roezanField}";
            if (!StandardContactFields.TryParse(roezanField, out _))
            {
                problems.Add(new(path, $"'{roezanField}' is not a Roezan standard field; use one of {string.Join(", ", StandardContactFields.Names)}."));
            }
            else if (target == AccountMapping.NotMapped)
            {
                continue;
            }
            else if (roezanField == tags)
            {
                if (target != tags)
                {
                    problems.Add(new(path, $"tags can only map to \"{tags}\" or \"{AccountMapping.NotMapped}\"."));
                }
            }
            else if (!StandardContactFields.TryParse(target, out var targetField) || targetField == StandardContactField.Tags)
            {
                problems.Add(new(path, $"'{target}' is not a GHL standard field; use one of {string.Join(", ", StandardContactFields.Names.Where(n => n != tags))} or \"{AccountMapping.NotMapped}\"."));
            }
        }
    }

    private static void ValidateCustomFields(AccountMapping mapping, List<ConfigurationProblem> problems)
    {
        foreach (var (roezanField, target) in mapping.CustomFields ?? [])
        {
            var path = $"customFields:{roezanField}";
            if (roezanField.Length is 0 or > MaxCustomFieldNameLength)
            {
                problems.Add(new(path, $"a Roezan custom field name must be 1 to {MaxCustomFieldNameLength} characters."));
            }

            if (target is null || (target.Id is null) == (target.Key is null))
            {
                problems.Add(new(path, "set exactly one of id or key (the GHL custom field's id, or its key such as contact.plan)."));
                continue;
            }

            if (target.Id is not null && !GhlId().IsMatch(target.Id))
            {
                problems.Add(new($"{path}:id", $"'{target.Id}' is not a GHL custom field id (1-64 letters, digits, '_' or '-')."));
            }

            if (target.Key is not null && !GhlKey().IsMatch(target.Key))
            {
                problems.Add(new($"{path}:key", $"'{target.Key}' is not a GHL custom field key (1-100 letters, digits, '_', '-' or '.')."));
            }
        }
    }

    private static void ValidateDirections(AccountMapping mapping, List<ConfigurationProblem> problems)
    {
        foreach (var (field, direction) in mapping.Directions ?? [])
        {
            var path = $"directions:{field}";
            if (!FieldDirections.Fields.Contains(field, StringComparer.Ordinal))
            {
                problems.Add(new(path, $"'{field}' has no direction (only the two-way fields do); use one of {string.Join(", ", FieldDirections.Fields)}."));
            }
            else if (!FieldDirections.Values.Contains(direction, StringComparer.Ordinal))
            {
                problems.Add(new(path, $"must be {string.Join(", ", FieldDirections.Values)}."));
            }
            else if (UnfedProblem(mapping, field) is { } unfed)
            {
                problems.Add(new(path, unfed));
            }
        }
    }

    /// <summary>
    /// Why a direction of <paramref name="field"/> means nothing under this mapping, or null: GHL → Roezan writes a GHL
    /// field to the Roezan field that feeds it (<see cref="ContactFieldReverseMapper"/>), so with none it writes nothing
    /// back, and Roezan → GHL writes nothing to it either.
    /// </summary>
    private static string? UnfedProblem(AccountMapping mapping, string field)
    {
        if (mapping.StandardFields is null)
        {
            return null;
        }

        if (field == FieldDirections.Tags)
        {
            return ContactFieldReverseMapper.TagsGoBack(mapping)
                ? null
                : $"tags map to \"{AccountMapping.NotMapped}\" (standardFields:tags), so no tag flows either way (but the opt-out tag) and a direction means nothing; remove it or map tags to \"tags\".";
        }

        return ContactFieldReverseMapper.RoezanFieldFor(mapping, field) is not null
            ? null
            : $"no Roezan field that Roezan's API writes ({string.Join(", ", ContactFieldReverseMapper.RoezanWritableFields)}) feeds GHL's {field} under standardFields, so GHL's changes to it are never written to Roezan and a direction means nothing; remove it or map one of them to {field}.";
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex GhlId();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex GhlKey();
}
