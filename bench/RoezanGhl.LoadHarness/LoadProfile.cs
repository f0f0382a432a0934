using RoezanGhl.LoadHarness.Workload;

namespace RoezanGhl.LoadHarness;

/// <summary>
/// One load profile: how many locations, how hard (a multiple of GHL's burst limit, in our calls' worth), and
/// for how long events arrive. After that the run drains until every event is applied (or the drain limit).
/// With <paramref name="WithQuietLocation"/>, one more location (<see cref="HarnessLocation.Quiet"/>) receives a
/// trickle (<see cref="QuietFactor"/> of its limit) meanwhile: how long its events wait while its neighbours are saturated.
/// <paramref name="UpdatesPerContact"/> &gt; 1 sends that many <c>contact.updated</c> in a row to each updated contact (a
/// bulk edit in Roezan), some changing the first name too: the audit then checks that every field ends at its newest value.
/// </summary>
public sealed record LoadProfile(string Key, string Title, int Locations, double LimitFactor, TimeSpan Duration, bool WithQuietLocation = false, int UpdatesPerContact = 1)
{
    /// <summary>Changes per updated contact in the burst profile (the others keep one: their scripts stay as they were).</summary>
    public const int BurstUpdatesPerContact = 3;

    public const string Steady = "steady";
    public const string Burst = "burst";
    public const string TwoLocations = "two-locations";
    public const string TwoLocationBurst = "two_location_burst";
    public const string FiveLocationBurst = "five_location_burst";
    public const string TwoWay = "two_way";

    /// <summary>The quiet location's load, as a multiple of its limit: a trickle of under two events a second.</summary>
    public const double QuietFactor = 0.2;

    /// <summary>GHL's burst limit per location: 100 requests per 10 s.</summary>
    public const int BudgetPerInterval = 100;

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>Events per second offered to each location: the factor times 10 calls/s, divided by the mix's calls per event.</summary>
    public double EventsPerSecondPerLocation => LimitFactor * (BudgetPerInterval / Interval.TotalSeconds) / EventMix.ExpectedCallsPerEvent;

    /// <summary>Every location of the run: the loaded ones, then the quiet one when there is one.</summary>
    public IReadOnlyList<HarnessLocation> HarnessLocations =>
        [.. LoadedLocations, .. WithQuietLocation ? [HarnessLocation.Quiet] : Array.Empty<HarnessLocation>()];

    /// <summary>The locations loaded at <see cref="LimitFactor"/>: the ones whose budget utilization counts.</summary>
    public IReadOnlyList<HarnessLocation> LoadedLocations => [.. HarnessLocation.All.Take(Math.Min(Locations, HarnessLocation.MaxLoaded))];

    /// <summary>Events per second offered to <paramref name="location"/>: the quiet one gets <see cref="QuietFactor"/>.</summary>
    public double EventsPerSecondFor(HarnessLocation location) =>
        location == HarnessLocation.Quiet ? QuietFactor * (BudgetPerInterval / Interval.TotalSeconds) / EventMix.ExpectedCallsPerEvent : EventsPerSecondPerLocation;

    public double ExpectedEventsPerLocation => EventsPerSecondPerLocation * Duration.TotalSeconds;
}
