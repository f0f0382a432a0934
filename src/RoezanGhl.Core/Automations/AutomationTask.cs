using RoezanGhl.Core.GhlWebhooks;

namespace RoezanGhl.Core.Automations;

/// <summary>The GHL task a TaskCreate trigger carries.</summary>
public sealed record AutomationTask
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    public string? Body { get; init; }

    public DateTimeOffset? DueDate { get; init; }

    /// <summary>The task of a webhook, or null when it has no id.</summary>
    public static AutomationTask? FromGhl(GhlTaskEvent task) =>
        task?.Id is { Length: > 0 } id ? new AutomationTask { Id = id, Title = task.Title, Body = task.Body, DueDate = task.DueDate } : null;
}
