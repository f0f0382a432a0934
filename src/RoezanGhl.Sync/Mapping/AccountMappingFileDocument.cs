using System.Text.Json.Serialization;

namespace RoezanGhl.Sync.Mapping;

/// <summary>The mapping file: <c>{ "$schema": "...", "accounts": { "&lt;roezan account id&gt;": { ...mapping } } }</c>.</summary>
internal sealed class AccountMappingFileDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    [JsonRequired]
    public Dictionary<string, AccountMapping?> Accounts { get; set; } = new(StringComparer.Ordinal);
}
