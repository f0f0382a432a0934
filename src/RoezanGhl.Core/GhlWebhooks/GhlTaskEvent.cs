namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>TaskCreate and TaskComplete: a task on a GHL contact. The payload carries no completion time.</summary>
public sealed class GhlTaskEvent : GhlWebhookEvent
{
    public string? Id { get; set; }

    /// <summary>Reported missing on some real TaskCreate deliveries, so optional here (the sync skips such tasks).</summary>
    public string? ContactId { get; set; }

    public string? Title { get; set; }

    public string? Body { get; set; }

    /// <summary>The GHL user the task is assigned to.</summary>
    public string? AssignedTo { get; set; }

    public DateTimeOffset? DueDate { get; set; }

    public DateTimeOffset? DateAdded { get; set; }
}
