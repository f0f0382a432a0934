namespace RoezanGhl.LoadHarness.Workload;

/// <summary>A person both Roezan and GHL know before the run starts, with one open task.</summary>
public sealed record KnownContact
{
    public required HarnessLocation Location { get; init; }

    public required string RoezanContactId { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    /// <summary>E.164, as GHL and our links store it.</summary>
    public required string Phone { get; init; }

    /// <summary>The same number as Roezan shows it, "(201) 555-0123".</summary>
    public required string LocalPhone { get; init; }

    public required string Email { get; init; }

    public required string RoezanTaskId { get; init; }

    public required string TaskTitle { get; init; }

    public required DateTimeOffset TaskDueDate { get; init; }

    /// <summary>Set when the simulator holds the contact.</summary>
    public string? GhlContactId { get; set; }

    /// <summary>Set when the simulator holds the task.</summary>
    public string? GhlTaskId { get; set; }

    /// <summary>The task's description: the line a zap puts in to find the task again later.</summary>
    public string TaskBody => $"Roezan task {RoezanTaskId}";
}
