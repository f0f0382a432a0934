using RoezanGhl.Ghl.Serialization;
using System.Text.Json.Serialization;

namespace RoezanGhl.Ghl.Models;

/// <summary>Body of <c>PUT /contacts/{contactId}/tasks/{taskId}</c> (<c>UpdateTaskBody</c>): only non-null fields are sent.</summary>
public sealed class GhlUpdateTaskRequest
{
    public string? Title { get; set; }

    public string? Body { get; set; }

    [JsonConverter(typeof(GhlUtcDateTimeOffsetConverter))]
    public DateTimeOffset? DueDate { get; set; }

    public bool? Completed { get; set; }

    public string? AssignedTo { get; set; }
}
