using System.Text.Json.Serialization;
using RoezanGhl.Sync.Planning;

namespace RoezanGhl.Sync.Ledger;

/// <summary>Source-generated JSON of the plan and progress kept on a ledger entry.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SyncPlan))]
[JsonSerializable(typeof(ProcessingProgress))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class ProcessingJsonContext : JsonSerializerContext;
