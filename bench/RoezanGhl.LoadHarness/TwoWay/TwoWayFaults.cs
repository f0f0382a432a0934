using RoezanGhl.TestSupport.Hosting;

namespace RoezanGhl.LoadHarness.TwoWay;

/// <summary>
/// The faults of <c>--two-way-faults</c>, on both sides at once, as the issue lists them: both APIs fail 15% of requests
/// before applying them (5xx) and answer 10% of writes with an error after applying them (ghost writes); every 100
/// changes each webhook door answers the next 3 deliveries 429 (as when its storage is down, so both senders must
/// redeliver); and during the third tenth of the changes both APIs are in a 429 storm (their rate limits cut to a tenth,
/// and what is left of each window used up after every change, as by another app sharing the budget).
/// </summary>
internal static class TwoWayFaults
{
    /// <summary>Added to the profile's title, so a faults run is never read as the clean one.</summary>
    public const string Title = ", UNDER FAULTS on both sides (15% 5xx, 10% ghost writes, each door refusing 3 deliveries every 100 changes, a 429 storm on both APIs during the third tenth of the changes: limits cut to a tenth and used up by another app)";

    public static void Start(AppTestHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Simulator.Settings = host.Simulator.Settings with { ServerErrorRatio = 0.15, GhostWriteRatio = 0.1 };
        host.Roezan.Simulator.Settings = host.Roezan.Simulator.Settings with { ServerErrorRatio = 0.15, GhostWriteRatio = 0.1, Seed = 7 };
    }

    /// <summary>Called after each change: the door refusals and the storm, by how many of <paramref name="total"/> changes are made.</summary>
    public static void OnChange(AppTestHost host, int made, int total, ref int refusals, ref StormLimits? storm)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (made / 100 > refusals)
        {
            refusals = made / 100;
            host.GhlWebhooks.Forwarder.RefuseNext(3);
            host.Roezan.Forwarder.RefuseNext(3);
        }

        if (storm is null && made >= total / 5 && made < total * 3 / 10)
        {
            storm = new StormLimits(host.Simulator.Settings.RateLimitMax, host.Roezan.Simulator.Settings.RateLimitLimit);
            host.Simulator.Settings = host.Simulator.Settings with { RateLimitMax = Math.Max(1, storm.Ghl / 10) };
            host.Roezan.Simulator.Settings = host.Roezan.Simulator.Settings with { RateLimitLimit = Math.Max(1, storm.Roezan / 10) };
        }
        else if (storm is { Ended: false } && made < total * 3 / 10)
        {
            // Both clients pace themselves by the rate-limit headers, so a cut limit alone meets few 429s: what is left of
            // each window is used up as another app sharing the budget would, and the clients meet runs of 429s.
            host.Simulator.State.UseUpRateLimits();
            host.Roezan.Simulator.State.UseUpRateLimit(AppTestHost.AccountId);
        }
        else if (storm is { Ended: false } running && made >= total * 3 / 10)
        {
            host.Simulator.Settings = host.Simulator.Settings with { RateLimitMax = running.Ghl };
            host.Roezan.Simulator.Settings = host.Roezan.Simulator.Settings with { RateLimitLimit = running.Roezan };
            storm = running with { Ended = true };
        }
    }

    /// <summary>The limits before the storm, put back when it ends.</summary>
    internal sealed record StormLimits(int Ghl, int Roezan)
    {
        public bool Ended { get; init; }
    }

    /// <summary>Faults off again before the run settles and compares (the simulators' answers must not fail the audit).</summary>
    public static void Stop(AppTestHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Simulator.Settings = host.Simulator.Settings with { ServerErrorRatio = 0, GhostWriteRatio = 0 };
        host.Roezan.Simulator.Settings = host.Roezan.Simulator.Settings with { ServerErrorRatio = 0, GhostWriteRatio = 0 };
    }
}
