namespace RoezanGhl.Core.Events;

/// <summary>A Roezan task as carried by <c>task.created</c>, <c>task.updated</c> and <c>task.completed</c>.</summary>
public sealed class RoezanTask
{
    public string? Id { get; set; }

    public string? ContactId { get; set; }

    public string? Title { get; set; }

    public string? Body { get; set; }

    public DateTimeOffset? DueDate { get; set; }

    public bool? Completed { get; set; }
}
