using RoezanGhl.LoadHarness.Measurement;

namespace RoezanGhl.LoadHarness.Conversations;

/// <summary>Percentiles of a set of latencies, in milliseconds (nearest rank).</summary>
public sealed record LatencyFigures(double P50, double P99, double Max)
{
    public static LatencyFigures Of(IReadOnlyCollection<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        if (milliseconds.Count == 0)
        {
            return new LatencyFigures(0, 0, 0);
        }

        var values = milliseconds.Order().ToList();
        return new LatencyFigures(Math.Round(RunSummary.Percentile(values, 0.50) ?? 0, 1), Math.Round(RunSummary.Percentile(values, 0.99) ?? 0, 1), Math.Round(values.Max(), 1));
    }
}
