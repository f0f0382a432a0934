using System.Text.Json.Serialization;

namespace RoezanGhl.Core.Planning;

/// <summary>
/// One GHL call (or call with its ghost-write guard) of a plan, with the reason it is there. The processor
/// runs the steps in order and records each one's result on the event's ledger entry, so a re-delivered
/// message resumes after the last completed step instead of repeating it.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(UpsertContactStep), "upsertContact")]
[JsonDerivedType(typeof(CreateContactStep), "createContact")]
[JsonDerivedType(typeof(UpdateContactStep), "updateContact")]
[JsonDerivedType(typeof(AddTagsStep), "addTags")]
[JsonDerivedType(typeof(RemoveTagsStep), "removeTags")]
[JsonDerivedType(typeof(CreateNoteStep), "createNote")]
[JsonDerivedType(typeof(CreateTaskStep), "createTask")]
[JsonDerivedType(typeof(UpdateTaskStep), "updateTask")]
[JsonDerivedType(typeof(CompleteTaskStep), "completeTask")]
[JsonDerivedType(typeof(AddInboundMessageStep), "addInboundMessage")]
public abstract record PlanStep
{
    /// <summary>Why the planner chose this step, for the ledger, the logs and the CLI's <c>plan</c> command.</summary>
    public required string Reason { get; init; }

    /// <summary>True for a step that writes contact values (needs the contact's lock so updates stay in order).</summary>
    [JsonIgnore]
    public virtual bool WritesContact => false;

    /// <summary>One line: the GHL call and what it carries (member names, not personal values).</summary>
    public abstract string Describe();

    /// <summary>The description, never the values (a record's generated ToString would print names and numbers into logs).</summary>
    public sealed override string ToString() => Describe();
}
