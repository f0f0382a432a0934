namespace RoezanGhl.Core.Mapping;

/// <summary>
/// A Roezan contact as the mapper reads it. The sync engine fills it from the Roezan event; null or
/// blank means "Roezan did not say", which never clears a GHL field.
/// </summary>
public sealed record MappableContact
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    /// <summary>Already normalized (E.164) by ingestion.</summary>
    public string? Phone { get; init; }

    public string? CompanyName { get; init; }

    public string? Address1 { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public string? PostalCode { get; init; }

    public string? Country { get; init; }

    public string? Website { get; init; }

    public string? Timezone { get; init; }

    /// <summary>As Roezan sent it; GHL takes "YYYY-MM-DD".</summary>
    public string? DateOfBirth { get; init; }

    public string? Source { get; init; }

    /// <summary>The contact's tags; null when Roezan did not send the list (then tags are left alone, even in Mirror mode).</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Roezan custom field name → value (as text).</summary>
    public IReadOnlyDictionary<string, string?> CustomFields { get; init; } = new Dictionary<string, string?>();

    /// <summary>The value of one standard field (not <see cref="StandardContactField.Tags"/>).</summary>
    public string? Get(StandardContactField field) => field switch
    {
        StandardContactField.FirstName => FirstName,
        StandardContactField.LastName => LastName,
        StandardContactField.Name => Name,
        StandardContactField.Email => Email,
        StandardContactField.Phone => Phone,
        StandardContactField.CompanyName => CompanyName,
        StandardContactField.Address1 => Address1,
        StandardContactField.City => City,
        StandardContactField.State => State,
        StandardContactField.PostalCode => PostalCode,
        StandardContactField.Country => Country,
        StandardContactField.Website => Website,
        StandardContactField.Timezone => Timezone,
        StandardContactField.DateOfBirth => DateOfBirth,
        StandardContactField.Source => Source,
        _ => null,
    };
}
