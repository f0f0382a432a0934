namespace RoezanGhl.Core.Planning;

/// <summary>
/// What the links table knows about one GHL contact: its id, the values we last wrote to it and when the
/// Roezan change behind them happened (null when the contact was made from a message: a message orders
/// nothing, so that a <c>contact.created</c> that lost the race to create is not taken for stale).
/// </summary>
public sealed record ContactSnapshot
{
    public required string GhlContactId { get; init; }

    public ContactFields Fields { get; init; } = ContactFields.Empty;

    public DateTimeOffset? LastOccurredAt { get; init; }

    /// <summary>
    /// When each of the names and email last changed and where (<see cref="FieldChangeTimes"/>); a field not here (a row
    /// recorded before per-field times) counts as changed at <see cref="LastOccurredAt"/>.
    /// </summary>
    public IReadOnlyDictionary<string, FieldChange> FieldChanges { get; init; } = new Dictionary<string, FieldChange>(StringComparer.Ordinal);

    /// <summary>When <paramref name="field"/> last changed: its own time, else the contact's.</summary>
    public DateTimeOffset? ChangedAt(string field) => FieldChanges.TryGetValue(field, out var change) ? change.At : LastOccurredAt;

    /// <summary>The Roezan event that last wrote <see cref="Fields"/>.</summary>
    public string? LastEventId { get; init; }
}
