using System.Globalization;
using System.Text.Json;
using RoezanGhl.Core.Planning;
using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// Where a GHL contact no longer holds what the sync last wrote: the fields the sync owns (first and last
/// name, email, phone, the mapped standard fields and custom fields) whose GHL value differs from the last
/// Roezan state, and the state's tags missing from GHL. Fields the state leaves empty are not the sync's to
/// judge, and tags added in GHL are fine (tags are additive), so neither is drift. Not compared: custom fields
/// the mapping names by key (GHL answers with ids only) and <c>companyName</c> (a <c>PUT</c> cannot write it
/// back). Pure: no I/O.
/// </summary>
public sealed record ContactDrift
{
    /// <summary>The state's values for the members that differ: what a <c>PUT /contacts/{id}</c> re-applies.</summary>
    public ContactFields Changed { get; init; } = ContactFields.Empty;

    /// <summary>The state's tags GHL no longer has: what <c>POST /contacts/{id}/tags</c> re-adds.</summary>
    public IReadOnlyList<string> MissingTags { get; init; } = [];

    public bool IsEmpty => Changed.IsEmpty && MissingTags.Count == 0;

    /// <summary>The drifted members by name, without values (for logs and the CLI).</summary>
    public string Describe()
    {
        var members = Changed.DescribeMembers();
        return MissingTags.Count == 0 ? members : (Changed.IsEmpty ? "" : members + ", ") + $"missing tags[{MissingTags.Count}]";
    }

    public static ContactDrift Between(ContactFields lastState, GhlContact ghl)
    {
        ArgumentNullException.ThrowIfNull(lastState);
        ArgumentNullException.ThrowIfNull(ghl);

        var custom = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, value) in lastState.CustomFields)
        {
            var held = ghl.CustomFields?.FirstOrDefault(field => string.Equals(field.Id, id, StringComparison.Ordinal));
            if (held is null || !string.Equals(Text(held.Value), value, StringComparison.Ordinal))
            {
                custom[id] = value;
            }
        }

        var standard = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in lastState.StandardFields)
        {
            if (HeldStandardField(ghl, name) is { } held && !SameStandardValue(name, value, held()))
            {
                standard[name] = value;
            }
        }

        var ghlTags = new HashSet<string>(ghl.Tags ?? [], StringComparer.OrdinalIgnoreCase);
        return new ContactDrift
        {
            Changed = new ContactFields
            {
                FirstName = Differs(lastState.FirstName, ghl.FirstName, StringComparison.Ordinal),
                LastName = Differs(lastState.LastName, ghl.LastName, StringComparison.Ordinal),
                Email = Differs(lastState.Email, ghl.Email, StringComparison.OrdinalIgnoreCase),
                Phone = lastState.Phone is { } phone && Digits(phone) != Digits(ghl.Phone) ? phone : null,
                StandardFields = standard,
                CustomFields = custom,
            },
            MissingTags = lastState.Tags.Where(tag => !ghlTags.Contains(tag)).ToList(),
        };
    }

    /// <summary>How to read a standard field GHL holds, by its GHL name; null for one drift repair leaves alone.</summary>
    private static Func<string?>? HeldStandardField(GhlContact ghl, string name) => name switch
    {
        "name" => () => ghl.Name,
        "address1" => () => ghl.Address1,
        "city" => () => ghl.City,
        "state" => () => ghl.State,
        "postalCode" => () => ghl.PostalCode,
        "country" => () => ghl.Country,
        "website" => () => ghl.Website,
        "timezone" => () => ghl.Timezone,
        "dateOfBirth" => () => ghl.DateOfBirth,
        "source" => () => ghl.Source,
        _ => null,
    };

    // GHL may answer a date of birth as a timestamp; the day is what was written.
    private static bool SameStandardValue(string name, string owned, string? held) =>
        string.Equals(owned.Trim(), held?.Trim(), StringComparison.Ordinal)
        || (name == "dateOfBirth" && held is not null
            && DateTimeOffset.TryParse(owned, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ownedDay)
            && DateTimeOffset.TryParse(held, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var heldDay)
            && ownedDay.UtcDateTime.Date == heldDay.UtcDateTime.Date);

    private static string? Differs(string? owned, string? held, StringComparison comparison) =>
        owned is not null && !string.Equals(owned.Trim(), held?.Trim(), comparison) ? owned : null;

    // GHL may format the number it stores; the digits identify it.
    private static string Digits(string? phone) => phone is null ? "" : new string([.. phone.Where(char.IsAsciiDigit)]);

    private static string? Text(JsonElement? value) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { } other => other.GetRawText(),
    };
}
