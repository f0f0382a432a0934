namespace RoezanGhl.Ghl.Models;

/// <summary>
/// Parameters of <c>GET /contacts/</c>. The cursor (<see cref="StartAfterId"/> + <see cref="StartAfter"/>)
/// comes from the previous page's <see cref="GhlContactPage.NextCursor"/>; both null start at the beginning.
/// </summary>
public sealed record GhlContactListQuery
{
    /// <summary>Free-text filter GHL applies to name, email, phone, ...</summary>
    public string? Query { get; init; }

    /// <summary>Page size, 1..100; null uses <c>Ghl:PageSize</c>.</summary>
    public int? Limit { get; init; }

    public string? StartAfterId { get; init; }

    /// <summary>The <c>startAfter</c> timestamp (ms since the epoch) that goes with <see cref="StartAfterId"/>.</summary>
    public long? StartAfter { get; init; }
}
