using System.Diagnostics;
using System.Globalization;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using Xunit.Abstractions;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>
/// 500 mixed events through the whole pipeline while GHL misbehaves in four ways, one after the other:
/// 30% server errors, a 429 storm, the token expiring mid-run, 10% ghost writes. Every event must end
/// applied exactly once: no duplicate contact, note or task in GHL, none lost, none failed or poisoned.
/// </summary>
[IntegrationLane]
public sealed class SyncFaultTests(ITestOutputHelper output)
{
    private const int EventCount = 500;

    [Fact]
    public async Task Five_hundred_mixed_events_survive_errors_429s_token_expiry_and_ghost_writes_exactly_once()
    {
        var scenario = MixedEventScenario.Generate(EventCount, seed: 7);
        // GHL's real limit (100 / 10 s) would make 500 events take over a minute of waiting: lifted, except in the storm.
        await using var app = await AppTestHost.Create().WithSetting("Ghl:RateLimitMaxRequests", "10000").StartAsync();
        var location = AppTestHost.LocationId;
        var firstToken = GhlSimulatorHost.TokenFor(location);
        var secondToken = firstToken + "-renewed";
        app.Tokens.Use(location, firstToken, secondToken);
        app.Simulator.Settings = app.Simulator.Settings with { RecordInMemory = false, RateLimitMax = 10_000, Tokens = new(StringComparer.Ordinal) { [firstToken] = location, [secondToken] = location } };
        var baseline = app.Simulator.Settings;
        var phases = new (string Name, Func<SimulatorSettings, SimulatorSettings> Faults)[]
        {
            ("30% server errors", s => s with { ServerErrorRatio = 0.3 }),
            // Another consumer of the location's budget (a second app instance, a zap) eats the window, so GHL
            // answers 429 although this client's own count says there is room.
            ("429 storm", s => s with { RateLimitMax = 40, RateLimitIntervalMs = 1000, SendRetryAfter = false }),
            ("token expires mid-run", s => s with { ExpiredTokens = [firstToken] }),
            ("10% ghost writes", s => s with { GhostWriteRatio = 0.1, GhostWriteMode = GhostWriteMode.ServerError }),
        };

        var watch = Stopwatch.StartNew();
        var perPhase = EventCount / phases.Length;
        for (var p = 0; p < phases.Length; p++)
        {
            var (name, faults) = phases[p];
            var current = app.Simulator.Settings with
            {
                ServerErrorRatio = 0,
                RateLimitMax = baseline.RateLimitMax,
                RateLimitIntervalMs = baseline.RateLimitIntervalMs,
                SendRetryAfter = baseline.SendRetryAfter,
                GhostWriteRatio = 0,
            };
            app.Simulator.Settings = faults(current);
            var before = app.Simulator.State.Counters.Snapshot();
            var phaseWatch = Stopwatch.StartNew();
            // The storm blows for a few seconds while the phase's events arrive, then passes.
            using var storm = new CancellationTokenSource(TimeSpan.FromSeconds(4));
            var noise = name == "429 storm" ? OtherConsumerAsync(app, firstToken, storm.Token) : Task.CompletedTask;
            await app.PostAllAsync(scenario.Events.Skip(p * perPhase).Take(perPhase).Select(e => e.Body));
            await app.DrainAsync(TimeSpan.FromSeconds(60));
            await noise;
            var after = app.Simulator.State.Counters.Snapshot();
            if (name == "429 storm")
            {
                Assert.True(after.RateLimited > before.RateLimited, "the storm produced no 429");
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {perPhase} events in {phaseWatch.Elapsed.TotalSeconds:F1} s, {after.Total - before.Total} GHL answers ({string.Join(", ", after.ByStatus.Where(s => s.Value - before.ByStatus.GetValueOrDefault(s.Key) > 0).Select(s => $"{s.Key}: {s.Value - before.ByStatus.GetValueOrDefault(s.Key)}"))})"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total: {EventCount} events in {watch.Elapsed.TotalSeconds:F1} s; pump: {app.Pump.Delivered} deliveries, {app.Pump.Failed} failed (host retries), {app.Pump.Poisoned} poisoned; token refreshes: {app.Tokens.FreshTokenRequests}"));
        Assert.True(app.Tokens.FreshTokenRequests > 0, "the token never expired");
        await ScenarioAssertions.AssertAppliedExactlyOnceAsync(app, scenario);
    }

    // Reads the location as fast as it can (bounded by the cancellation), spending its burst window.
    private static async Task OtherConsumerAsync(AppTestHost app, string token, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = app.Simulator.BaseUrl };
        while (!stop.IsCancellationRequested)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/contacts/search/duplicate?locationId={AppTestHost.LocationId}&number=%2B15550000000");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            request.Headers.TryAddWithoutValidation("Version", "2021-07-28");
            try
            {
                using var response = await http.SendAsync(request, stop);
                await Task.Delay(10, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }
    }
}
