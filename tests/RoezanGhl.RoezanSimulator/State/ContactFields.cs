namespace RoezanGhl.RoezanSimulator.State;

/// <summary>
/// The fields a change sets on a contact; null means "not given, keep", an empty string clears. The
/// API's upsert reads the Roezan fields; the simulator-admin seed and edit also set the state flags.
/// <see cref="Phone"/> may be in any format the account's region reads; it is stored as E.164.
/// </summary>
public sealed record ContactFields
{
    public string? Phone { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Email { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public IReadOnlyList<string>? Lists { get; init; }

    public bool? OptedIn { get; init; }

    public DateTimeOffset? OptedOutAt { get; init; }

    public bool? Invalid { get; init; }

    public bool? Deleted { get; init; }

    /// <summary>Reads <c>{phone, firstName, lastName, email, tags, lists}</c> (and, for the admin, the flags); errors land in <paramref name="reader"/>.</summary>
    internal static ContactFields Read(BodyReader reader, string region, bool phoneRequired, bool adminFields) => new()
    {
        Phone = reader.Phone("phone", region, phoneRequired),
        FirstName = reader.Text("firstName"),
        LastName = reader.Text("lastName"),
        Email = reader.Email("email"),
        Tags = reader.TextList("tags"),
        Lists = reader.TextList("lists"),
        OptedIn = adminFields ? reader.Flag("optedIn") : null,
        OptedOutAt = adminFields ? reader.Time("optedOutAt") : null,
        Invalid = adminFields ? reader.Flag("invalid") : null,
        Deleted = adminFields ? reader.Flag("deleted") : null,
    };

    /// <summary>The contact with these fields applied; tags and lists are added unless <paramref name="replaceLists"/>.</summary>
    internal RoezanContact ApplyTo(RoezanContact contact, DateTimeOffset now, bool replaceLists)
    {
        return contact with
        {
            Phone = Phone ?? contact.Phone,
            FirstName = Field(FirstName, contact.FirstName),
            LastName = Field(LastName, contact.LastName),
            Email = Field(Email, contact.Email),
            Tags = Merge(contact.Tags, Tags, replaceLists),
            Lists = Merge(contact.Lists, Lists, replaceLists),
            OptedIn = OptedIn ?? (OptedOutAt is null && contact.OptedIn),
            OptedOutAt = OptedOutAt ?? (OptedIn == true ? null : contact.OptedOutAt),
            Invalid = Invalid ?? contact.Invalid,
            Deleted = Deleted ?? contact.Deleted,
            UpdatedAt = now,
        };
    }

    // An empty string clears the field.
    private static string? Field(string? given, string? current) => given is null ? current : given.Length == 0 ? null : given;

    private static IReadOnlyList<string> Merge(IReadOnlyList<string> current, IReadOnlyList<string>? given, bool replace) =>
        given is null ? current : replace ? given : [.. current.Union(given, StringComparer.Ordinal)];
}
