using RoezanGhl.LoadHarness.Workload;

namespace RoezanGhl.LoadHarness;

/// <summary>
/// One load profile: how many locations, how hard (a multiple of GHL's burst limit, in our calls' worth), and
/// for how long events arrive. After that the run drains until every event is applied (or the drain limit).
/// </summary>
public sealed record LoadProfile(string Key, string Title, int Locations, double LimitFactor, TimeSpan Duration)
{
    public const string Steady = "steady";
    public const string Burst = "burst";
    public const string TwoLocations = "two-locations";

    /// <summary>GHL's burst limit per location: 100 requests per 10 s.</summary>
    public const int BudgetPerInterval = 100;

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>Events per second offered to each location: the factor times 10 calls/s, divided by the mix's calls per event.</summary>
    public double EventsPerSecondPerLocation => LimitFactor * (BudgetPerInterval / Interval.TotalSeconds) / EventMix.ExpectedCallsPerEvent;

    public IReadOnlyList<HarnessLocation> HarnessLocations => [.. HarnessLocation.All.Take(Locations)];

    public double ExpectedEventsPerLocation => EventsPerSecondPerLocation * Duration.TotalSeconds;
}
