using RoezanGhl.Core.Events;
using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Core.Planning;

/// <summary>
/// The planner's mapping when no account mapping is given (<see cref="PlanningProfile.Default"/>): each
/// Roezan field goes to the GHL field of the same name, each Roezan custom field to the GHL custom field
/// whose id is the Roezan field name, tags are only ever added. Configured accounts use
/// <see cref="Mapping.AccountContactFieldMapping"/> instead. Blank values become null so they are never written.
/// </summary>
public sealed class IdentityContactFieldMapping : IContactFieldMapping
{
    public static IdentityContactFieldMapping Instance { get; } = new();

    public ContactFields Map(RoezanContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new ContactFields
        {
            FirstName = Clean(contact.FirstName),
            LastName = Clean(contact.LastName),
            Email = Clean(contact.Email)?.ToLowerInvariant(),
            Phone = Clean(contact.Phone),
            Tags = (contact.Tags ?? []).Select(Clean).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            CustomFields = contact.CustomFieldTexts(),
        };
    }

    /// <summary>Additive: never removes a tag.</summary>
    public IReadOnlyList<string> TagsToRemove(RoezanContact contact, IReadOnlyCollection<string> appliedTags) => [];

    /// <summary>Each GHL field is fed by the Roezan field of the same name.</summary>
    public IReadOnlyList<string> SourcesOf(string ghlField) => [ghlField];

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
