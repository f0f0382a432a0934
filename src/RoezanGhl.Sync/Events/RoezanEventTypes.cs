namespace RoezanGhl.Sync.Events;

/// <summary>The event types of our Roezan webhook contract (see roezan-event.schema.json).</summary>
public static class RoezanEventTypes
{
    public const string ContactCreated = "contact.created";
    public const string ContactUpdated = "contact.updated";
    public const string MessageReceived = "message.received";
    public const string TaskCreated = "task.created";
    public const string TaskUpdated = "task.updated";
    public const string TaskCompleted = "task.completed";
    public const string NoteCreated = "note.created";

    public static IReadOnlyList<string> All { get; } =
    [
        ContactCreated, ContactUpdated, MessageReceived, TaskCreated, TaskUpdated, TaskCompleted, NoteCreated,
    ];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
