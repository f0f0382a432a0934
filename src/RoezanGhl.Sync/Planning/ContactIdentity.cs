namespace RoezanGhl.Sync.Planning;

/// <summary>The ways an event names its contact: the Roezan id and the E.164 phone / email it carries.</summary>
public sealed record ContactIdentity
{
    public string? RoezanContactId { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public bool IsEmpty => RoezanContactId is null && Phone is null && Email is null;

    /// <summary>
    /// The key of the creation claim: two events that would create the same GHL contact must compete for
    /// the same key. Phone first (Roezan keys contacts by phone, messages carry only a phone), then email,
    /// then the Roezan id.
    /// </summary>
    public string? ClaimKey =>
        Phone is not null ? "phone:" + Phone
        : Email is not null ? "email:" + Email
        : RoezanContactId is not null ? "roezan:" + RoezanContactId
        : null;
}
