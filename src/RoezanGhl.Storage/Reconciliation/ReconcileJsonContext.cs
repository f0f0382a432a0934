using System.Text.Json.Serialization;

namespace RoezanGhl.Storage.Reconciliation;

/// <summary>Source-generated JSON of the run summaries kept in the ledger table.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReconcileRunSummary))]
internal sealed partial class ReconcileJsonContext : JsonSerializerContext;
