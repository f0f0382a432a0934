namespace RoezanGhl.Storage.Reconciliation;

/// <summary>
/// How far reconciliation's catch-up of GHL changes has got in one location: it walks the contacts changed at or after
/// <see cref="Since"/> (GHL's search, oldest change first), following GHL's cursor <see cref="SearchAfter"/> page by
/// page across runs. When a walk reaches its end, the next one starts from when this one started, less an overlap
/// (GHL's search index lags); a contact seen twice is the same change twice, which the ledger answers as a duplicate.
/// </summary>
public sealed record GhlChangeCursor
{
    /// <summary>The walk's lower bound on <c>dateUpdated</c>; null before the first run (which looks back a set time).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>GHL's <c>searchAfter</c> of the last page done (JSON text); null at the start of a walk.</summary>
    public string? SearchAfter { get; init; }

    /// <summary>When the current walk asked for its first page.</summary>
    public DateTimeOffset? WalkStartedAt { get; init; }
}
