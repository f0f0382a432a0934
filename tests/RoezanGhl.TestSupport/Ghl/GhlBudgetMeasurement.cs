using System.Text.Json.Nodes;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.TestSupport.Ghl;

/// <summary>
/// Offers more calls than GHL's burst budget allows on one location, at a steady rate (open loop, as
/// webhooks arrive), through the real client against the simulator with real limits, and reports how
/// much of the budget was used and how many requests GHL answered 429. The benchmark calls this too.
/// </summary>
public static class GhlBudgetMeasurement
{
    /// <param name="simulator">A running simulator; its settings are set to the given budget for the run.</param>
    /// <param name="client">A client for that simulator; its options' rate limit should match or learn from the headers.</param>
    /// <param name="locationId">The location to load.</param>
    /// <param name="budgetPerInterval">GHL's limit (100).</param>
    /// <param name="interval">GHL's window (10 s).</param>
    /// <param name="demandFactor">Offered load as a multiple of the budget (3).</param>
    /// <param name="duration">How long to offer load (a whole number of intervals).</param>
    public static async Task<GhlBudgetReport> RunAsync(
        GhlSimulatorHost simulator,
        GhlContactsClient client,
        string locationId,
        int budgetPerInterval,
        TimeSpan interval,
        double demandFactor,
        TimeSpan duration,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(client);
        simulator.Settings = simulator.Settings with
        {
            RateLimitMax = budgetPerInterval,
            RateLimitIntervalMs = (int)interval.TotalMilliseconds,
            DailyLimit = 0,
            RecordInMemory = false,
            ServerErrorRatio = 0,
            LatencyMs = 0,
        };
        var contactId = simulator.State.SeedContact(locationId, new JsonObject { ["firstName"] = "Budget" })["id"]!.GetValue<string>();

        var offered = (int)Math.Round(budgetPerInterval * demandFactor * (duration / interval));
        var spacing = duration / offered;
        int succeeded = 0, rejected = 0, failed = 0;
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var calls = new List<Task>(offered);
        var time = simulator.State.Time;
        simulator.State.Counters.Reset(time.GetUtcNow());
        var started = time.GetTimestamp();
        for (var i = 0; i < offered; i++)
        {
            var due = spacing * i - time.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, time, cancellationToken).ConfigureAwait(false);
            }

            calls.Add(CallAsync());
        }

        var left = duration - time.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, time, cancellationToken).ConfigureAwait(false);
        }

        await run.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(calls).ConfigureAwait(false);

        var timeline = simulator.State.Counters.Snapshot().Timelines.GetValueOrDefault(locationId) ?? [];
        var within = timeline.Where(entry => entry.AtMs < duration.TotalMilliseconds).ToList();
        return new GhlBudgetReport(
            duration,
            budgetPerInterval,
            interval,
            offered,
            succeeded,
            rejected,
            failed,
            within.LongCount(entry => entry.Status is >= 200 and < 300),
            within.LongCount(entry => entry.Status == 429),
            within.Count);

        async Task CallAsync()
        {
            try
            {
                await client.GetContactAsync(locationId, contactId, run.Token).ConfigureAwait(false);
                Interlocked.Increment(ref succeeded);
            }
            catch (OperationCanceledException) when (run.IsCancellationRequested)
            {
                // Still waiting for a permit when the run ended: demand beyond the budget.
                Interlocked.Increment(ref rejected);
            }
            catch (GhlApiException exception) when (exception.Kind == GhlErrorKind.RateLimited && exception.StatusCode is null)
            {
                Interlocked.Increment(ref rejected);
            }
            catch (GhlApiException)
            {
                Interlocked.Increment(ref failed);
            }
        }
    }
}
