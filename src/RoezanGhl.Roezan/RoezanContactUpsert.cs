namespace RoezanGhl.Roezan;

/// <summary>
/// The body of <c>POST /integrations/contacts</c> (camelCase, unlike Roezan's snake_case answers). Null members are
/// left out, so an update never blanks a value; <see cref="Tags"/> are added to the contact's, never replace them.
/// </summary>
public sealed class RoezanContactUpsert
{
    public required string Phone { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Email { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }
}
