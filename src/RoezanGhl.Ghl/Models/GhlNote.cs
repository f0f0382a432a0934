using RoezanGhl.Ghl.Serialization;
using System.Text.Json.Serialization;

namespace RoezanGhl.Ghl.Models;

/// <summary>A note on a contact (<c>GetNoteSchema</c>).</summary>
public sealed class GhlNote
{
    public string Id { get; set; } = "";

    public string? Body { get; set; }

    public string? UserId { get; set; }

    [JsonConverter(typeof(GhlLenientDateTimeOffsetConverter))]
    public DateTimeOffset? DateAdded { get; set; }

    public string? ContactId { get; set; }

    public string? Title { get; set; }

    public string? Color { get; set; }

    public bool? Pinned { get; set; }
}
