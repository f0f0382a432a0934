namespace RoezanGhl.Core.Planning;

/// <summary>
/// <c>POST /contacts/{id}/tasks</c> with title, body (ending with <c>ref: {Reference}</c>), due date and
/// completed, all of which GHL requires. A retry after an unknown outcome lists the contact's tasks and
/// adopts the one carrying the reference.
/// </summary>
public sealed record CreateTaskStep : PlanStep
{
    /// <summary>Title, due date and completed always set; the body includes the reference line.</summary>
    public required TaskFields Fields { get; init; }

    public required string Reference { get; init; }

    public override string Describe() => $"POST /contacts/{{id}}/tasks ({Fields.DescribeMembers()}, ref {Reference})";
}
