using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Ghl.Serialization;

/// <summary><c>{ contact, succeded? }</c>: get, create, update and duplicate-search answers.</summary>
internal sealed class GhlContactEnvelope
{
    public GhlContact? Contact { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("succeded")]
    public bool? Succeeded { get; set; }
}
