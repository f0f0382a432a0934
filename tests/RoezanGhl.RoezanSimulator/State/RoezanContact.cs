namespace RoezanGhl.RoezanSimulator.State;

/// <summary>
/// A contact as the simulator holds it, keyed by <see cref="Phone"/> (E.164) within its account.
/// Immutable: a change stores a new instance, so a reader never sees half an update.
/// </summary>
public sealed record RoezanContact
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    /// <summary>E.164, e.g. <c>+12015550123</c>.</summary>
    public required string Phone { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Email { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Lists { get; init; } = [];

    public bool OptedIn { get; init; } = true;

    /// <summary>When the person opted out (texted STOP); null while they may be texted.</summary>
    public DateTimeOffset? OptedOutAt { get; init; }

    /// <summary>Roezan found the number unreachable (a landline, a dead number); no message is sent to it.</summary>
    public bool Invalid { get; init; }

    public bool Deleted { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public bool OptedOut => OptedOutAt is not null || !OptedIn;

    /// <summary>Whether the fields a webhook carries are the same (an update that changed nothing).</summary>
    public bool SameFieldsAs(RoezanContact other) =>
        Phone == other.Phone
        && FirstName == other.FirstName
        && LastName == other.LastName
        && Email == other.Email
        && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal)
        && Lists.SequenceEqual(other.Lists, StringComparer.Ordinal)
        && OptedIn == other.OptedIn
        && OptedOutAt == other.OptedOutAt
        && Invalid == other.Invalid
        && Deleted == other.Deleted;
}
