namespace RoezanGhl.Ghl.Models;

/// <summary>Body of <c>POST /contacts/{contactId}/notes</c> (<c>NotesDTO</c>): body is required.</summary>
public sealed class GhlCreateNoteRequest
{
    public required string Body { get; set; }

    public string? UserId { get; set; }

    public string? Title { get; set; }

    public string? Color { get; set; }

    public bool? Pinned { get; set; }
}
