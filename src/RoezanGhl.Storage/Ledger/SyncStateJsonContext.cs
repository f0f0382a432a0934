using System.Text.Json.Serialization;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.Storage.Ledger;

/// <summary>Source-generated JSON of the sync state kept in tables: plans and progress on ledger entries, applied values in link rows.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SyncPlan))]
[JsonSerializable(typeof(ProcessingProgress))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(ContactFields))]
[JsonSerializable(typeof(TaskFields))]
[JsonSerializable(typeof(Dictionary<string, FieldChange>))]
internal sealed partial class SyncStateJsonContext : JsonSerializerContext;
