namespace RoezanGhl.Core.Events;

/// <summary>
/// One Roezan webhook event as our contract defines it. Every member is nullable because the type is
/// also what a raw request body is parsed into; the validator names each missing or bad field.
/// </summary>
public sealed class RoezanEvent
{
    /// <summary>Roezan's event id: the dedupe key.</summary>
    public string? Id { get; set; }

    /// <summary>One of <see cref="RoezanEventTypes"/>.</summary>
    public string? Type { get; set; }

    /// <summary>When the change happened in Roezan: orders updates of one contact.</summary>
    public DateTimeOffset? OccurredAt { get; set; }

    /// <summary>
    /// For a change merged from several (<see cref="Coalescing.ContactChangeMerger"/>): the time of the change each name or
    /// email came from, so each field is judged by its own time, not the merge's newest. Never read from a request.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, DateTimeOffset>? FieldOccurredAt { get; init; }

    /// <summary>The Roezan account; must match the account in the webhook route when present.</summary>
    public string? AccountId { get; set; }

    public RoezanEventData? Data { get; set; }
}
