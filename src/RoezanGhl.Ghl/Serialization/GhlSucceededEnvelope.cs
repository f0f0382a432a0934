namespace RoezanGhl.Ghl.Serialization;

/// <summary><c>{ succeded }</c> (sic): delete answers.</summary>
internal sealed class GhlSucceededEnvelope
{
    [System.Text.Json.Serialization.JsonPropertyName("succeded")]
    public bool? Succeeded { get; set; }
}
