using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoezanGhl.LoadHarness.Reporting;

/// <summary>Ours' ingest cost per event from BenchmarkDotNet's JSON report of <c>IngestBenchmark.Ingest</c>.</summary>
public sealed record IngestFigures(
    [property: JsonPropertyName("microseconds_per_event")] double MicrosecondsPerEvent,
    [property: JsonPropertyName("bytes_per_event")] double BytesPerEvent,
    [property: JsonPropertyName("source")] string Source)
{
    public const string BenchmarkMethod = "Ingest";

    /// <summary>Reads the mean time and allocated bytes per operation of the Ingest benchmark from a BenchmarkDotNet JSON report.</summary>
    public static IngestFigures Read(string reportPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reportPath);
        using var document = JsonDocument.Parse(File.ReadAllText(reportPath));
        foreach (var benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
        {
            if (benchmark.GetProperty("Method").GetString() != BenchmarkMethod)
            {
                continue;
            }

            var meanNs = benchmark.GetProperty("Statistics").GetProperty("Mean").GetDouble();
            var bytes = benchmark.TryGetProperty("Memory", out var memory) && memory.TryGetProperty("BytesAllocatedPerOperation", out var allocated)
                ? allocated.GetDouble()
                : double.NaN;
            return new IngestFigures(meanNs / 1000, bytes, $"BenchmarkDotNet IngestBenchmark.Ingest ({Path.GetFileName(reportPath)})");
        }

        throw new InvalidDataException($"{reportPath} has no '{BenchmarkMethod}' benchmark.");
    }
}
