using System.Text.Json.Serialization;
using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Engine.Mapping;

/// <summary>The mapping file: <c>{ "$schema": "...", "accounts": { "&lt;roezan account id&gt;": { ...mapping } } }</c>.</summary>
internal sealed class AccountMappingFileDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    [JsonRequired]
    public Dictionary<string, AccountMapping?> Accounts { get; set; } = new(StringComparer.Ordinal);
}
