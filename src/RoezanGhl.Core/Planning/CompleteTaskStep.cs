namespace RoezanGhl.Core.Planning;

/// <summary><c>PUT /contacts/{id}/tasks/{taskId}/completed</c> with <c>completed: true</c>. Idempotent.</summary>
public sealed record CompleteTaskStep : PlanStep
{
    public override string Describe() => "PUT /contacts/{id}/tasks/{taskId}/completed";
}
