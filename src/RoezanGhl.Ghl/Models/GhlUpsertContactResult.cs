namespace RoezanGhl.Ghl.Models;

/// <summary>Answer of <c>POST /contacts/upsert</c> (<c>UpsertContactsSuccessfulResponseDto</c>).</summary>
public sealed class GhlUpsertContactResult
{
    /// <summary>True when GHL created the contact, false when it updated an existing one.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("new")]
    public bool IsNew { get; set; }

    public GhlContact Contact { get; set; } = new();

    public string? TraceId { get; set; }
}
