using System.Text.Json.Serialization;

namespace RoezanGhl.Engine.Console;

/// <summary>
/// Reads a configuration (from the console's editor, or a stored version) as strictly as the mapping file: exact
/// camelCase names, no unknown properties, no null where a value is wanted, booleans as JSON booleans.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AccountConfiguration))]
[JsonSerializable(typeof(AutomationSettingsEdit))]
internal sealed partial class ConfigurationJsonContext : JsonSerializerContext;
