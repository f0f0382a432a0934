using System.Text.Json.Serialization;

namespace RoezanGhl.Core.Planning;

/// <summary>The ways an event names its contact: the Roezan id and the E.164 phone / email it carries.</summary>
public sealed record ContactIdentity
{
    public string? RoezanContactId { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    [JsonIgnore]
    public bool IsEmpty => RoezanContactId is null && Phone is null && Email is null;

    /// <summary>
    /// The keys of the creation claims: two events that would create the same GHL contact must compete
    /// for at least one common key, so an event claims every identity it carries (phone, email and the
    /// Roezan id, which is only unique within its account). Sorted, so that claims are always taken in
    /// the same order.
    /// </summary>
    public IReadOnlyList<string> CreationClaimKeys(string accountId)
    {
        var keys = new List<string>(3);
        if (Phone is not null) keys.Add("phone:" + Phone);
        if (Email is not null) keys.Add("email:" + Email);
        if (RoezanContactId is not null) keys.Add($"roezan:{accountId}:{RoezanContactId}");
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }
}
