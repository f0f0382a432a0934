namespace RoezanGhl.LoadHarness.Reporting;

/// <summary>The targets for ours, checked against a run's figures. A target that was not measured has <c>met: null</c>.</summary>
public static class TargetEvaluation
{
    public const double BurstUtilization = 0.95;
    public const double Burst429Ratio = 0.01;
    public const double SteadyP99Ms = 1000;
    public const double QuietP99Ms = 2000;
    public const double IngestMicroseconds = 20;
    public const double BurstCallsPerEvent = 1.0;

    public static IReadOnlyList<TargetCheck> Evaluate(IReadOnlyDictionary<string, ProfileResult> profiles, IngestFigures? ingest)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var checks = new List<TargetCheck>();
        foreach (var (key, profile) in profiles)
        {
            if (profile.TwoWay is { } twoWay)
            {
                checks.Add(new TargetCheck("zero lost events", key, twoWay.LostEvents, twoWay.LostEvents == 0));
                checks.Add(new TargetCheck("zero duplicate writes", key, twoWay.DuplicateWrites, twoWay.DuplicateWrites == 0));
                checks.Add(new TargetCheck("zero echo writes", key, twoWay.EchoWrites, twoWay.EchoWrites == 0));
            }

            if (profile.Ours is not { } ours)
            {
                continue;
            }

            checks.Add(new TargetCheck("zero lost events", key, ours.LostEvents, ours.LostEvents == 0));
            checks.Add(new TargetCheck("zero duplicate writes", key, ours.DuplicateWrites, ours.DuplicateWrites == 0));
            switch (key)
            {
                case LoadProfile.Burst:
                    checks.Add(new TargetCheck($"GHL budget utilization >= {BurstUtilization}", key, ours.GhlBudgetUtilization, ours.GhlBudgetUtilization >= BurstUtilization));
                    checks.Add(new TargetCheck($"429 ratio <= {Burst429Ratio}", key, ours.Ghl429Ratio, ours.Ghl429Ratio <= Burst429Ratio));
                    checks.Add(new TargetCheck($"GHL calls per event < {BurstCallsPerEvent}", key, ours.GhlCallsPerEvent, ours.GhlCallsPerEvent < BurstCallsPerEvent));
                    checks.Add(new TargetCheck("zero fields lost", key, ours.FieldsLost, ours.FieldsLost == 0));
                    break;
                case LoadProfile.Steady:
                    checks.Add(new TargetCheck($"p99 latency <= {SteadyP99Ms} ms", key, ours.E2eLatencyP99Ms, ours.E2eLatencyP99Ms <= SteadyP99Ms));
                    break;
                case LoadProfile.TwoLocations:
                    // "Each must get its own full budget": the lowest location's share, against the burst target.
                    checks.Add(new TargetCheck($"each location's budget utilization >= {BurstUtilization}", key, ours.GhlBudgetUtilization, ours.GhlBudgetUtilization >= BurstUtilization));
                    break;
                case LoadProfile.TwoLocationBurst or LoadProfile.FiveLocationBurst:
                    // The lowest loaded location's figure stands for all; the quiet location's own share is not a target.
                    var worst429 = ours.Ghl429RatioByLocation.Values.DefaultIfEmpty(0).Max();
                    checks.Add(new TargetCheck($"each location's budget utilization >= {BurstUtilization}", key, ours.GhlBudgetUtilization, ours.GhlBudgetUtilization >= BurstUtilization));
                    checks.Add(new TargetCheck($"each location's 429 ratio <= {Burst429Ratio}", key, worst429, worst429 <= Burst429Ratio));
                    checks.Add(new TargetCheck($"quiet location p99 latency <= {QuietP99Ms} ms", key, ours.QuietLocationLatencyP99Ms, ours.QuietLocationLatencyP99Ms is null ? null : ours.QuietLocationLatencyP99Ms <= QuietP99Ms));
                    break;
            }
        }

        checks.Add(new TargetCheck($"ingest <= {IngestMicroseconds} us per event", null, ingest?.MicrosecondsPerEvent is { } us ? Math.Round(us, 2) : null, ingest is null ? null : ingest.MicrosecondsPerEvent <= IngestMicroseconds));
        return checks;
    }
}
