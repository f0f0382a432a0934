namespace RoezanGhl.Sync.Mapping;

/// <summary>The flows of DESIGN.md that an account can switch on and off (F8, reconciliation, always runs).</summary>
public enum SyncFlow
{
    /// <summary>F1: <c>contact.created</c> upserts the GHL contact.</summary>
    ContactCreated,

    /// <summary>F2: <c>contact.updated</c> updates the non-empty fields and adds tags.</summary>
    ContactUpdated,

    /// <summary>F3: the first <c>message.received</c> from an unknown number creates the contact.</summary>
    ContactFromFirstMessage,

    /// <summary>F4: every <c>message.received</c> is appended to the contact as a note.</summary>
    MessageNotes,

    /// <summary>F5: a message that asks for a follow-up creates a task due when it says.</summary>
    FollowUpTasks,

    /// <summary>F6: <c>task.created</c> / <c>task.updated</c> / <c>task.completed</c> mirror to the GHL task.</summary>
    TaskSync,

    /// <summary>F7: <c>note.created</c> adds the note in GHL.</summary>
    NoteCreated,
}
