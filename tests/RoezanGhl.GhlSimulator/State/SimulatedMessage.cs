using System.Text.Json.Nodes;

namespace RoezanGhl.GhlSimulator.State;

/// <summary>
/// A message in a simulated conversation: <see cref="Json"/> is what GHL returns (<c>GetMessageResponseDto</c>);
/// <see cref="AltId"/> (the provider's own id) GHL keeps but the spec's message does not return, so tests read it here.
/// </summary>
public sealed record SimulatedMessage(JsonObject Json, string? AltId, DateTimeOffset CreatedAt)
{
    public string Id => Json["id"]!.GetValue<string>();

    public string? Direction => Json["direction"]?.GetValue<string>();

    public string? Body => Json["body"]?.GetValue<string>();

    public string? Status => Json["status"]?.GetValue<string>();
}
