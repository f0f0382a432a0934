using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Core.Planning;

/// <summary>
/// The flows of DESIGN.md that an account runs (F8, reconciliation, always runs). Presets
/// (<see cref="Mapping.FlowPresets"/>) are combinations of these, and an account's <c>Flows</c> overrides
/// name single members (<c>Flows:FollowUpTasks = false</c>), so the member names are configuration.
/// </summary>
[Flags]
#pragma warning disable CA1711 // "Flows" is the domain word here, not a collection suffix.
public enum SyncFlows
#pragma warning restore CA1711
{
    None = 0,

    /// <summary>F1: <c>contact.created</c> upserts the contact.</summary>
    ContactCreated = 1,

    /// <summary>F2: <c>contact.updated</c> writes the changed, non-empty fields and adds tags.</summary>
    ContactUpdated = 2,

    /// <summary>F3: the first message from an unknown number creates the contact.</summary>
    ContactFromFirstMessage = 4,

    /// <summary>F4: every inbound message is appended to the contact as a note.</summary>
    MessageNotes = 8,

    /// <summary>F5: a message that names a follow-up creates a task (needs a <see cref="IMessageTaskRule"/>).</summary>
    FollowUpTasks = 16,

    /// <summary>F6: <c>task.created</c> / <c>task.updated</c> / <c>task.completed</c> mirror to the GHL task.</summary>
    TaskSync = 32,

    /// <summary>F7: <c>note.created</c> appends a note.</summary>
    NoteCreated = 64,

    All = ContactCreated | ContactUpdated | ContactFromFirstMessage | MessageNotes | FollowUpTasks | TaskSync | NoteCreated,
}
