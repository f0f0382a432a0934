using RoezanGhl.Core.Planning;

namespace RoezanGhl.Core.Mapping;

/// <summary>
/// Which way each field of the two-way sync may flow (<see cref="AccountMapping.Directions"/>): <c>both</c> (the default),
/// <c>roezan-to-ghl</c> (GHL's changes to it are not written to Roezan) or <c>ghl-to-roezan</c> (Roezan's values are not
/// written to GHL). Only the fields GHL → Roezan carries have a direction; every other field goes Roezan → GHL only.
/// </summary>
public static class FieldDirections
{
    public const string Both = "both";
    public const string RoezanToGhl = "roezan-to-ghl";
    public const string GhlToRoezan = "ghl-to-roezan";

    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string Email = "email";
    public const string Tags = "tags";

    /// <summary>The fields with a direction, in the order the console shows them.</summary>
    public static IReadOnlyList<string> Fields { get; } = [FirstName, LastName, Email, Tags];

    public static IReadOnlyList<string> Values { get; } = [Both, RoezanToGhl, GhlToRoezan];

    /// <summary>The direction of <paramref name="field"/>; unset (or no directions at all) is <see cref="Both"/>.</summary>
    public static string Of(IReadOnlyDictionary<string, string>? directions, string field) =>
        directions is not null && directions.TryGetValue(field, out var direction) && !string.IsNullOrWhiteSpace(direction) ? direction.Trim() : Both;

    /// <summary>What Roezan → GHL may write of <paramref name="fields"/>: without the fields that only flow GHL → Roezan.</summary>
    public static ContactFields ToGhl(ContactFields fields, IReadOnlyDictionary<string, string>? directions) => Without(fields, directions, GhlToRoezan, keptTag: null);

    /// <summary>
    /// What GHL → Roezan may write of <paramref name="fields"/>: without the fields that only flow Roezan → GHL. The
    /// opt-out tag (<paramref name="optOutTag"/>) is kept whatever the direction of tags: an opt-out is never dropped.
    /// </summary>
    public static ContactFields ToRoezan(ContactFields fields, IReadOnlyDictionary<string, string>? directions, string optOutTag) => Without(fields, directions, RoezanToGhl, optOutTag);

    /// <summary>Whether Roezan → GHL writes (adds or, in mirror mode, removes) tags.</summary>
    public static bool TagsToGhl(IReadOnlyDictionary<string, string>? directions) => Of(directions, Tags) != GhlToRoezan;

    private static ContactFields Without(ContactFields fields, IReadOnlyDictionary<string, string>? directions, string oneWayTheOtherWay, string? keptTag)
    {
        ArgumentNullException.ThrowIfNull(fields);
        bool Skips(string field) => Of(directions, field) == oneWayTheOtherWay;
        return fields with
        {
            FirstName = Skips(FirstName) ? null : fields.FirstName,
            LastName = Skips(LastName) ? null : fields.LastName,
            Email = Skips(Email) ? null : fields.Email,
            Tags = Skips(Tags) ? [.. fields.Tags.Where(tag => keptTag is not null && string.Equals(tag, keptTag, StringComparison.OrdinalIgnoreCase))] : fields.Tags,
        };
    }
}
