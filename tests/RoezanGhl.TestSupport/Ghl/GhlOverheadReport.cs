namespace RoezanGhl.TestSupport.Ghl;

/// <summary>Per-call latency of the client and of a bare HttpClient doing the same GET, in microseconds.</summary>
public sealed record GhlOverheadReport(int Calls, double ClientMeanMicros, double BareMeanMicros, double ClientMedianMicros, double BareMedianMicros)
{
    /// <summary>What the client adds per call (token, limiter, resilience, logging, JSON), by the medians.</summary>
    public double OverheadMedianMicros => ClientMedianMicros - BareMedianMicros;

    public double OverheadMeanMicros => ClientMeanMicros - BareMeanMicros;

    public override string ToString() =>
        $"{Calls} sequential GETs each: client median {ClientMedianMicros:0} µs (mean {ClientMeanMicros:0}), bare HttpClient median {BareMedianMicros:0} µs (mean {BareMeanMicros:0}); " +
        $"overhead {OverheadMedianMicros:0} µs median, {OverheadMeanMicros:0} µs mean per call";
}
