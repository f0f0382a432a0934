namespace RoezanGhl.Core.Planning;

/// <summary><c>PUT /contacts/{id}/tasks/{taskId}</c> with the changed, non-empty values only. Idempotent.</summary>
public sealed record UpdateTaskStep : PlanStep
{
    public required TaskFields Fields { get; init; }

    public override string Describe() => $"PUT /contacts/{{id}}/tasks/{{taskId}} ({Fields.DescribeMembers()})";
}
