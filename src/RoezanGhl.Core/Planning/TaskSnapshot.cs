namespace RoezanGhl.Core.Planning;

/// <summary>What the links table knows about one Roezan task: its GHL task and contact and the last applied values.</summary>
public sealed record TaskSnapshot
{
    public required string GhlTaskId { get; init; }

    public required string GhlContactId { get; init; }

    public TaskFields Fields { get; init; } = new();

    public DateTimeOffset? LastOccurredAt { get; init; }

    /// <summary>The id of the last applied change: at the same instant, the smaller id is the older change (<see cref="RoezanChangeOrder"/>).</summary>
    public string? LastEventId { get; init; }
}
