namespace RoezanGhl.Core.Events;

/// <summary>A Roezan note as carried by <c>note.created</c>.</summary>
public sealed class RoezanNote
{
    public string? Id { get; set; }

    public string? ContactId { get; set; }

    public string? Body { get; set; }
}
