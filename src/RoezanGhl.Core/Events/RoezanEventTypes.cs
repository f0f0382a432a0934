namespace RoezanGhl.Core.Events;

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

    /// <summary>Roezan's delivery status of a text we sent (Sent / Delivered / Undelivered): the payload is <c>data.message</c> with <c>status</c>.</summary>
    public const string MessageStatus = "message.status";

    public static IReadOnlyList<string> All { get; } =
    [
        ContactCreated, ContactUpdated, MessageReceived, TaskCreated, TaskUpdated, TaskCompleted, NoteCreated, MessageStatus,
    ];

    // A switch rather than a list search: this runs once per webhook on the hot path.
    public static bool IsKnown(string? type) => type is
        ContactCreated or ContactUpdated or MessageReceived or TaskCreated or TaskUpdated or TaskCompleted or NoteCreated or MessageStatus;

    /// <summary><c>contact.created</c> or <c>contact.updated</c>: the payload is <c>data.contact</c>.</summary>
    public static bool IsContactEvent(string? type) => type is ContactCreated or ContactUpdated;

    /// <summary><c>task.created</c>, <c>task.updated</c> or <c>task.completed</c>: the payload is <c>data.task</c>.</summary>
    public static bool IsTaskEvent(string? type) => type is TaskCreated or TaskUpdated or TaskCompleted;
}
