using RoezanGhl.TestSupport.Ghl;

namespace RoezanGhl.LoadHarness.Workload;

/// <summary>One Roezan account and the GHL location it feeds, with the area code its (fake, 555) numbers use.</summary>
public sealed record HarnessLocation(string Key, string AccountId, string LocationId, int AreaCode)
{
    /// <summary>The webhook secret of the account (obviously fake).</summary>
    public string WebhookSecret => $"bench-secret-{Key}";

    /// <summary>The bearer token the simulator accepts for the location.</summary>
    public string Token => GhlSimulatorHost.TokenFor(LocationId);

    /// <summary>The locations a profile loads, in order (a profile of N locations takes the first N), the quiet one last.</summary>
    public static IReadOnlyList<HarnessLocation> All { get; } =
    [
        new("a", "bench-a", "loc-bench-a", 201),
        new("b", "bench-b", "loc-bench-b", 646),
        new("c", "bench-c", "loc-bench-c", 312),
        new("d", "bench-d", "loc-bench-d", 415),
        new("e", "bench-e", "loc-bench-e", 617),
        new("q", "bench-q", "loc-bench-quiet", 305),
    ];

    /// <summary>The location that receives a trickle while its neighbours are saturated (profiles with a quiet location).</summary>
    public static HarnessLocation Quiet => All[^1];

    /// <summary>The most locations a profile can load at once (all but the quiet one).</summary>
    public static int MaxLoaded => All.Count - 1;
}
