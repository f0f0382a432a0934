namespace RoezanGhl.Ghl.Models;

/// <summary>Body of <c>POST</c>/<c>DELETE /contacts/{contactId}/tags</c> (<c>TagsDTO</c>) and their answers.</summary>
public sealed class GhlTagsRequest
{
    public List<string> Tags { get; set; } = [];
}
