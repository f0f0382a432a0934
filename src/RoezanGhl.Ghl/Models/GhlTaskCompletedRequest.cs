namespace RoezanGhl.Ghl.Models;

/// <summary>Body of <c>PUT /contacts/{contactId}/tasks/{taskId}/completed</c> (<c>UpdateTaskStatusParams</c>).</summary>
public sealed class GhlTaskCompletedRequest
{
    public bool Completed { get; set; }
}
