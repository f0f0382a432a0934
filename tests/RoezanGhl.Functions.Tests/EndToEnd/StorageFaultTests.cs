using System.Diagnostics;
using System.Globalization;
using RoezanGhl.Core.Events;
using RoezanGhl.TestSupport.Faults;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using Xunit.Abstractions;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>
/// The fault run with storage going away in the middle: the app (and the pump standing in for the host's queue
/// listener) reach Azurite through <see cref="AzuriteFaultProxy"/>, which cuts every connection and refuses new ones
/// until the test restores it; Azurite keeps its data, as a restarted storage service does. While storage is away the
/// webhook door answers 503 (Roezan retries) and deliveries fail and come back; once it is back every accepted event
/// ends applied exactly once, and the refused ones are accepted when Roezan sends them again.
/// </summary>
[IntegrationLane]
public sealed class StorageFaultTests(ITestOutputHelper output)
{
    private const int EventCount = 200;
    private const int FirstWave = 120;
    private const int DuringOutage = 3;

    [Fact]
    public async Task Mixed_events_survive_storage_going_away_mid_run_with_503s_at_the_door_and_nothing_lost_or_written_twice()
    {
        var scenario = MixedEventScenario.Generate(EventCount, seed: 11);
        await using var storage = AzuriteFaultProxy.Start();
        await using var app = await AppTestHost.Create()
            .WithSetting("AzureWebJobsStorage", storage.ConnectionString)
            .WithSetting("Ghl:RateLimitMaxRequests", "10000")
            // What a delivery cut off mid-way holds (its ledger claim, its contact leases) is free again after this.
            .WithSetting("Sync:Processing:LeaseDuration", "00:00:10")
            .WithSetting("Webhook:ClaimTimeout", "00:00:05")
            .WithPumpReceiveVisibility(TimeSpan.FromSeconds(10))
            .StartAsync();
        app.Simulator.Settings = app.Simulator.Settings with { RecordInMemory = false, RateLimitMax = 10_000 };
        var watch = Stopwatch.StartNew();

        await app.PostAllAsync(scenario.Events.Take(FirstWave).Select(e => e.Body));
        var firstDrain = app.DrainAsync(TimeSpan.FromSeconds(120));
        await WaitUntilAsync(() => app.Pump.Completed >= 30, "30 deliveries before the outage");

        storage.Cut();
        var cutAt = watch.Elapsed;
        var failedBefore = app.Pump.Failed;
        var refusedEvents = scenario.Events.Skip(FirstWave).Take(DuringOutage).ToList();
        var answers = await Task.WhenAll(refusedEvents.Select(e => app.IngestAsync(e.Body)));
        // Deliveries that were running when storage went away fail and are retried.
        await WaitUntilAsync(() => app.Pump.Failed > failedBefore, "a delivery failing while storage is away");
        var outage = watch.Elapsed - cutAt;
        storage.Restore();

        // Roezan sends what was refused again, with its backoff, until it is accepted.
        foreach (var (_, body) in refusedEvents)
        {
            await AcceptedEventuallyAsync(app, body);
        }

        await app.PostAllAsync(scenario.Events.Skip(FirstWave + DuringOutage).Select(e => e.Body));
        await firstDrain;
        await app.DrainAsync(TimeSpan.FromSeconds(120));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{EventCount} events in {watch.Elapsed.TotalSeconds:F1} s; storage away {outage.TotalSeconds:F1} s; door during the outage: {string.Join(", ", answers.Select(a => a.StatusCode))}; connections refused {storage.Refused}; pump: {app.Pump.Delivered} deliveries, {app.Pump.Failed} failed, {app.Pump.StorageFailures} of its own queue calls failed, {app.Pump.Poisoned} poisoned"));
        Assert.All(answers, answer => Assert.Equal(503, answer.StatusCode));
        Assert.All(answers, answer => Assert.NotNull(answer.RetryAfter));
        Assert.True(storage.Refused > 0, "no connection was refused: storage never went away");
        Assert.True(app.Pump.Failed > failedBefore, "no delivery failed during the outage");
        await ScenarioAssertions.AssertAppliedExactlyOnceAsync(app, scenario);
    }

    private static async Task AcceptedEventuallyAsync(AppTestHost app, string body)
    {
        RoezanIngestResult answer;
        var tries = 0;
        while (!(answer = await app.IngestAsync(body)).IsSuccess)
        {
            Assert.True(answer.StatusCode == 503 && ++tries < 30, $"the door answered {answer} after storage came back");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    // Waits for a condition of the run (bounded, so that a broken run fails instead of hanging).
    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        while (!condition())
        {
            Assert.False(limit.IsCancellationRequested, $"timed out waiting for {what}");
            await Task.Delay(20, CancellationToken.None);
        }
    }
}
