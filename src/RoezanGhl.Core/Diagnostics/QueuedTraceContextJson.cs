using System.Text.Json.Serialization;

namespace RoezanGhl.Core.Diagnostics;

/// <summary>Reads the trace context of a queue message, skipping every other member.</summary>
[JsonSourceGenerationOptions(UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(QueuedTraceContext))]
internal sealed partial class QueuedTraceContextJson : JsonSerializerContext;
