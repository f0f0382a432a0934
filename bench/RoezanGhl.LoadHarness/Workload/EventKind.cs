namespace RoezanGhl.LoadHarness.Workload;

/// <summary>What a scripted Roezan event is about; decides its body, the baseline's calls and how the audit checks it.</summary>
public enum EventKind
{
    /// <summary><c>message.received</c> from a contact GHL already has (linked before the run).</summary>
    MessageFromKnownContact,

    /// <summary><c>message.received</c> from a number that first wrote earlier in this run.</summary>
    MessageFollowUp,

    /// <summary><c>message.received</c>, the first from a new number: the contact is made from it.</summary>
    MessageFromNewNumber,

    /// <summary><c>contact.updated</c> of a known contact: a new last name, sometimes a new tag.</summary>
    ContactUpdated,

    /// <summary><c>contact.created</c> of a new person (new phone and email).</summary>
    ContactCreated,

    /// <summary><c>task.created</c> on a known contact.</summary>
    TaskCreated,

    /// <summary><c>task.updated</c> of a known contact's task: a new title.</summary>
    TaskUpdated,

    /// <summary><c>task.completed</c> of a known contact's task.</summary>
    TaskCompleted,

    /// <summary><c>note.created</c> on a known contact.</summary>
    NoteCreated,
}
