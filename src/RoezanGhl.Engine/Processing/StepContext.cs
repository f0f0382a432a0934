namespace RoezanGhl.Engine.Processing;

/// <summary>Where a step runs: the location, the event, the contact and task known so far.</summary>
public sealed record StepContext
{
    public required string LocationId { get; init; }

    public required string EventId { get; init; }

    /// <summary>The GHL contact the plan acts on; null until a create/upsert step made it.</summary>
    public string? GhlContactId { get; init; }

    public string? GhlTaskId { get; init; }

    /// <summary>
    /// True when an earlier attempt of this event may have sent a create that was applied without our
    /// knowing (it crashed or failed mid-way): creates then look the object up before creating.
    /// </summary>
    public bool LookUpBeforeCreating { get; init; }
}
