namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>NoteCreate: a note added to a GHL contact.</summary>
public sealed class GhlNoteEvent : GhlWebhookEvent
{
    public string? Id { get; set; }

    public string? ContactId { get; set; }

    public string? Body { get; set; }

    public DateTimeOffset? DateAdded { get; set; }
}
