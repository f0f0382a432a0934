using RoezanGhl.Ghl.Serialization;
using System.Text.Json.Serialization;

namespace RoezanGhl.Ghl.Models;

/// <summary>Body of <c>POST /contacts/{contactId}/tasks</c> (<c>CreateTaskParams</c>): title, dueDate and completed are required.</summary>
public sealed class GhlCreateTaskRequest
{
    public required string Title { get; set; }

    public string? Body { get; set; }

    /// <summary>Sent as UTC ISO 8601 (<c>2020-10-25T11:00:00.000Z</c>).</summary>
    [JsonConverter(typeof(GhlUtcDateTimeOffsetConverter))]
    public required DateTimeOffset DueDate { get; set; }

    public bool Completed { get; set; }

    public string? AssignedTo { get; set; }
}
