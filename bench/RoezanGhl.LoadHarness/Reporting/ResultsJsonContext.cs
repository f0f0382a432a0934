using System.Text.Json.Serialization;

namespace RoezanGhl.LoadHarness.Reporting;

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HarnessReport))]
internal sealed partial class ResultsJsonContext : JsonSerializerContext
{
}
