using System.Globalization;
using System.Text.Json;
using RoezanGhl.Sync.Events;

namespace RoezanGhl.Sync.Planning;

/// <summary>
/// The default mapping: each Roezan field goes to the GHL field of the same name, and each Roezan custom
/// field to the GHL custom field whose id is the Roezan field name (real ids come from the configured mapping). Blank values become null so that they
/// are never written.
/// </summary>
public sealed class IdentityContactFieldMapping : IContactFieldMapping
{
    public static IdentityContactFieldMapping Instance { get; } = new();

    public ContactFields Map(RoezanContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var custom = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in contact.CustomFields ?? [])
        {
            if (!string.IsNullOrWhiteSpace(key) && TextOf(value) is { } text)
            {
                custom[key.Trim()] = text;
            }
        }

        return new ContactFields
        {
            FirstName = Clean(contact.FirstName),
            LastName = Clean(contact.LastName),
            Email = Clean(contact.Email)?.ToLowerInvariant(),
            Phone = Clean(contact.Phone),
            Tags = (contact.Tags ?? []).Select(Clean).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            CustomFields = custom,
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Clean(value.GetString()),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => bool.TrueString.ToLower(CultureInfo.InvariantCulture),
        JsonValueKind.False => bool.FalseString.ToLower(CultureInfo.InvariantCulture),
        _ => null,
    };
}
