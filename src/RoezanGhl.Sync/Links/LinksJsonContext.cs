using System.Text.Json.Serialization;
using RoezanGhl.Sync.Planning;

namespace RoezanGhl.Sync.Links;

/// <summary>Source-generated JSON of the values kept in link rows.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ContactFields))]
[JsonSerializable(typeof(TaskFields))]
internal sealed partial class LinksJsonContext : JsonSerializerContext;
