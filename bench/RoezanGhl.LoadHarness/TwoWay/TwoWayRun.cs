using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RoezanGhl.LoadHarness.Reporting;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;

namespace RoezanGhl.LoadHarness.TwoWay;

/// <summary>
/// The <c>two_way</c> profile: the app in process with both simulators (each sending signed webhooks for every change,
/// our own writes included), both doors, the queue pumped all along as the host would, and the app's own retry delays.
/// Contacts are made on both sides and synced first; then changes arrive on both sides at a steady rate; then the run
/// waits until both simulators have sent everything and the queue is empty, and compares both sides with what the
/// changes should have left. The figures count only the load's changes (the set-up's creations are left out).
/// </summary>
internal static class TwoWayRun
{
    private const int Contacts = 100;

    /// <summary>How long the set-up and the end of the load may take to settle (on the shared 2 cores, 1,000 changes under faults can need more than 10 min).</summary>
    private static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(30);

    // The ledger history of every diverged contact printed (at most 20): what each lost field is lost to.
    private const int HistoriesPrinted = 20;

    public static async Task<TwoWayResult> RunAsync(HarnessOptions options, Func<string> loadAverage, TextWriter log, CancellationToken cancellationToken)
    {
        var loadAtStart = loadAverage();
        var wall = Stopwatch.StartNew();
        await using var host = await AppTestHost.Create()
            .WithRoezanSimulator()
            .WithGhlSimulatorWebhooks()
            .WithAppTimings()
            .WithPump(pollInterval: options.PollInterval)
            .WithSettings(options.Settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)))
            .WithLogging(logging => logging.ClearProviders())
            .StartAsync().ConfigureAwait(false);
        host.Simulator.Settings = host.Simulator.Settings with { RecordInMemory = false };
        await host.RawQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = Task.Run(() => PumpAsync(host, options.PollInterval, stop.Token), CancellationToken.None);
        try
        {
            using var roezanApi = host.Roezan.Simulator.CreateClient();
            var workload = new TwoWayWorkload(host, roezanApi, Math.Min(Contacts, Math.Max(10, options.TwoWayChanges / 4)), options.Seed);
            await workload.CreateContactsAsync(cancellationToken).ConfigureAwait(false);
            await SettleAsync(host, cancellationToken).ConfigureAwait(false);
            if (!workload.AllCreatedOnBothSides())
            {
                throw new InvalidOperationException("The two-way set-up did not reach both sides; the run would measure nothing.");
            }

            var ledgerBefore = (await host.LedgerStatusesAsync().ConfigureAwait(false)).Keys.ToHashSet(StringComparer.Ordinal);
            var ghlCallsBefore = host.Simulator.State.Counters.Snapshot().Total;
            var roezanCallsBefore = host.Roezan.Simulator.State.Counters.Snapshot().Total;
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[two_way] {workload.Contacts} contacts on both sides; {options.TwoWayChanges} changes at {options.TwoWayChangesPerSecond:0.#}/s")).ConfigureAwait(false);

            var load = Stopwatch.StartNew();
            var made = 0;
            var refusals = 0;
            TwoWayFaults.StormLimits? storm = null;
            if (options.TwoWayFaults)
            {
                TwoWayFaults.Start(host);
            }

            while (made < options.TwoWayChanges)
            {
                var due = TimeSpan.FromSeconds(made / options.TwoWayChangesPerSecond) - load.Elapsed;
                if (due > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(due, cancellationToken).ConfigureAwait(false);
                }

                made += workload.MakeChange();
                if (options.TwoWayFaults)
                {
                    TwoWayFaults.OnChange(host, made, options.TwoWayChanges, ref refusals, ref storm);
                }
            }

            if (options.TwoWayFaults)
            {
                // Faults stop with the load: what they delayed must still arrive, and the audit reads both sides' state.
                TwoWayFaults.Stop(host);
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[two_way] faults: door 429s {host.GhlWebhooks.Forwarder.Refused + host.Roezan.Forwarder.Refused}, GHL webhooks dropped {host.GhlWebhooks.Sender.Dropped}, 429s met from GHL {host.Simulator.State.Counters.Snapshot().RateLimited} and from Roezan {host.Roezan.Simulator.State.Counters.Snapshot().RateLimited}")).ConfigureAwait(false);
            }

            await SettleAsync(host, cancellationToken).ConfigureAwait(false);
            var entries = await ReadLedgerAsync(host, ledgerBefore).ConfigureAwait(false);
            var lost = workload.FindLost();
            await log.WriteLineAsync("[two_way] lost: " + string.Join(", ", lost.Where(pair => pair.Value > 0).Select(pair => $"{pair.Key} {pair.Value}").DefaultIfEmpty("none"))).ConfigureAwait(false);
            await ReportDivergedAsync(workload, entries, log).ConfigureAwait(false);
            var applied = entries.Where(entry => entry.Status == EventLedgerStatus.Applied).ToList();
            var latencies = applied.Where(entry => entry.OccurredAt is not null && entry.UpdatedAt is not null)
                .Select(entry => (entry.UpdatedAt!.Value - entry.OccurredAt!.Value).TotalMilliseconds).Order().ToList();
            return new TwoWayResult
            {
                Faults = options.TwoWayFaults,
                Events = made,
                LostEvents = lost.Values.Sum(),
                DuplicateWrites = workload.CountDuplicates(),
                EchoWrites = Math.Max(0, applied.Count - made),
                ConflictsRecorded = entries.Count(entry => entry.Outcome?.Contains("conflict", StringComparison.Ordinal) == true),
                BothSidesEdits = workload.BothSidesEdits,
                GhlCallsPerEvent = Math.Round((host.Simulator.State.Counters.Snapshot().Total - ghlCallsBefore) / (double)made, 3),
                RoezanCallsPerEvent = Math.Round((host.Roezan.Simulator.State.Counters.Snapshot().Total - roezanCallsBefore) / (double)made, 3),
                E2eLatencyP50Ms = Math.Round(Percentile(latencies, 0.5), 1),
                E2eLatencyP99Ms = Math.Round(Percentile(latencies, 0.99), 1),
                Contacts = workload.Contacts,
                ChangesPerSecond = options.TwoWayChangesPerSecond,
                LedgerEntries = entries.Count,
                Applied = applied.Count,
                SkippedAsEcho = entries.Count(entry => entry.Status == EventLedgerStatus.Skipped && entry.Outcome?.StartsWith("echo", StringComparison.Ordinal) == true),
                Failed = entries.Count(entry => entry.Status is EventLedgerStatus.Failed or EventLedgerStatus.Conflict),
                WallSeconds = Math.Round(wall.Elapsed.TotalSeconds, 1),
                LoadAverage = $"{loadAtStart} at the start, {loadAverage()} at the end",
                MeasuredAt = DateTimeOffset.UtcNow,
            };
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Which contacts diverged and how (up to 20), and the ledger history of each: the events about either of
    /// its ids in the order they were accepted, with their own times, outcomes and the state their plan left.
    /// </summary>
    private static async Task ReportDivergedAsync(TwoWayWorkload workload, List<EventLedgerEntry> entries, TextWriter log)
    {
        var diverged = workload.FindDiverged(20);
        foreach (var (contact, index) in diverged.Select((contact, index) => (contact, index)))
        {
            await log.WriteLineAsync($"[two_way] diverged {contact.Phone} (GHL {contact.GhlId}, Roezan {contact.RoezanId}): {string.Join("; ", contact.Fields)}").ConfigureAwait(false);
            if (index >= HistoriesPrinted)
            {
                continue;
            }

            var ids = new HashSet<string>([contact.GhlId, contact.RoezanId], StringComparer.Ordinal);
            foreach (var entry in entries.Where(entry => ids.Contains(entry.SourceContactId ?? "") || ids.Contains(entry.TargetContactId ?? "")).OrderBy(entry => entry.AcceptedAt))
            {
                var state = entry.Plan?.ContactState is { } fields ? $" state {fields.FirstName} {fields.Email}" : "";
                await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"    {entry.AcceptedAt:HH:mm:ss.fff} occurred {entry.OccurredAt:HH:mm:ss.fff} done {entry.UpdatedAt:HH:mm:ss.fff} {entry.EventId} {entry.Type} {entry.Status}: {entry.Outcome ?? entry.Plan?.Reason}{state}")).ConfigureAwait(false);
            }
        }
    }

    // The host keeps polling while the app runs; the pump returns whenever the queue is empty, so it is run again.
    private static async Task PumpAsync(AppTestHost host, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await host.Pump.RunUntilIdleAsync(TimeSpan.FromHours(1), cancellationToken).ConfigureAwait(false);
                await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Until both simulators have sent everything and the queue has been empty twice in a row.</summary>
    private static async Task SettleAsync(AppTestHost host, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(SettleLimit);
        var messages = -1;
        try
        {
            for (var quiet = 0; quiet < 2;)
            {
                var before = host.Pump.Delivered;
                await host.Roezan.Simulator.WaitForWebhooksAsync(timeout.Token).ConfigureAwait(false);
                await host.GhlWebhooks.WaitUntilDrainedAsync(timeout.Token).ConfigureAwait(false);
                var properties = await host.RawQueue.GetPropertiesAsync(timeout.Token).ConfigureAwait(false);
                messages = properties.Value.ApproximateMessagesCount;
                await Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token).ConfigureAwait(false);
                quiet = messages == 0 && host.Pump.Delivered == before ? quiet + 1 : 0;
            }
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Say what was still going on, instead of ending the harness with a bare cancellation (exit 1, no message).
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"The two_way run did not settle within {SettleLimit.TotalMinutes:0} min: {messages} messages on the queue at the last look, {host.Pump.Delivered} deliveries so far, Roezan webhooks pending {host.Roezan.Simulator.State.Outbox.PendingCount}."), exception);
        }
    }

    private static async Task<List<EventLedgerEntry>> ReadLedgerAsync(AppTestHost host, HashSet<string> before)
    {
        var entries = new List<EventLedgerEntry>();
        foreach (var id in (await host.LedgerStatusesAsync().ConfigureAwait(false)).Keys.Where(id => !before.Contains(id)))
        {
            entries.Add(await host.ReadLedgerAsync(id).ConfigureAwait(false));
        }

        return entries;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];
}
