using System.Text.Json.Serialization;
using RoezanGhl.Core.TwoWay;

namespace RoezanGhl.Storage.Links;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<EchoEntry>))]
internal sealed partial class EchoHistoryJsonContext : JsonSerializerContext;
