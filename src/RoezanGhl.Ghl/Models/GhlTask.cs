using RoezanGhl.Ghl.Serialization;
using System.Text.Json.Serialization;

namespace RoezanGhl.Ghl.Models;

/// <summary>A contact's task (<c>TaskSchema</c>).</summary>
public sealed class GhlTask
{
    public string Id { get; set; } = "";

    public string? Title { get; set; }

    public string? Body { get; set; }

    public string? AssignedTo { get; set; }

    [JsonConverter(typeof(GhlLenientDateTimeOffsetConverter))]
    public DateTimeOffset? DueDate { get; set; }

    public bool Completed { get; set; }

    public string? ContactId { get; set; }
}
