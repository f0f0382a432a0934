namespace RoezanGhl.Core.Planning;

/// <summary>What a completed step left in GHL: the ids it made or found, and a conflict when GHL did not keep what we sent.</summary>
public sealed record StepResult
{
    public string? GhlContactId { get; init; }

    public string? GhlTaskId { get; init; }

    public string? GhlNoteId { get; init; }

    /// <summary>The GHL message an inbound message became (<see cref="AddInboundMessageStep"/>).</summary>
    public string? GhlMessageId { get; init; }

    /// <summary>True when the object already existed (a ghost write found by the lookup, or a blocked duplicate) and was adopted.</summary>
    public bool Adopted { get; init; }

    /// <summary>Set when an upsert answered with a contact that lacks what we sent: a human-readable account of the difference.</summary>
    public string? Conflict { get; init; }

    /// <summary>The members behind <see cref="Conflict"/>, without values (for logs, the ledger and notifications).</summary>
    public IReadOnlyList<string> ConflictMembers { get; init; } = [];

    /// <summary>GHL's traceId of the call, when it sent one.</summary>
    public string? TraceId { get; init; }
}
