using RoezanGhl.TestSupport.Ghl;

namespace RoezanGhl.LoadHarness.Workload;

/// <summary>One Roezan account and the GHL location it feeds, with the area code its (fake, 555) numbers use.</summary>
public sealed record HarnessLocation(string Key, string AccountId, string LocationId, int AreaCode)
{
    /// <summary>The webhook secret of the account (obviously fake).</summary>
    public string WebhookSecret => $"bench-secret-{Key}";

    /// <summary>The bearer token the simulator accepts for the location.</summary>
    public string Token => GhlSimulatorHost.TokenFor(LocationId);

    public static IReadOnlyList<HarnessLocation> All { get; } =
    [
        new("a", "bench-a", "loc-bench-a", 201),
        new("b", "bench-b", "loc-bench-b", 646),
    ];
}
