using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Mapping;

/// <summary>
/// The values of a Roezan contact that the two-way sync writes, in Roezan's own terms (before the account's field mapping):
/// the fields Roezan's <c>POST /integrations/contacts</c> takes. Null means "no value": never written, never blanks one.
/// </summary>
public sealed record RoezanContactValues
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Email { get; init; }

    /// <summary>The key of the Roezan contact (E.164); the same number in GHL, never mapped.</summary>
    public string? Phone { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>True when nothing but (at most) the phone is set: a write of it changes no field.</summary>
    public bool WritesNothing => FirstName is null && LastName is null && Email is null && Tags.Count == 0;

    /// <summary>The values a Roezan contact event carries, blanks read as absent.</summary>
    public static RoezanContactValues From(RoezanContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new RoezanContactValues
        {
            FirstName = Value(contact.FirstName),
            LastName = Value(contact.LastName),
            Email = Value(contact.Email),
            Phone = Value(contact.Phone),
            Tags = [.. (contact.Tags ?? []).Select(Value).OfType<string>()],
        };
    }

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
