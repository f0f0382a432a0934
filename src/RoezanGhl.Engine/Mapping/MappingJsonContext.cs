using System.Text.Json.Serialization;

namespace RoezanGhl.Engine.Mapping;

/// <summary>
/// Reads the mapping file as strictly as its JSON Schema: exact camelCase names, no unknown
/// properties, no null where the schema wants a value, booleans as JSON booleans.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(AccountMappingFileDocument))]
internal sealed partial class MappingJsonContext : JsonSerializerContext;
