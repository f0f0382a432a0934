using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using Xunit.Abstractions;
using RoezanFields = RoezanGhl.RoezanSimulator.State.ContactFields;

namespace RoezanGhl.Functions.Tests.Ghl;

/// <summary>
/// Both directions at once, in process: both simulators (each sending signed webhooks for every change, our own
/// writes included), both doors, the queue pump. Rounds of mixed changes made on both sides to different contacts;
/// every round must end with both systems holding the same mapped state, nothing lost, no duplicate contact and no
/// echo applied. The count comes from <c>ROEZANGHL_PINGPONG_COUNT</c> (default 200; the long lane runs 1000).
/// </summary>
[IntegrationLane]
public class PingPongTests(ITestOutputHelper output)
{
    private const string Account = AppTestHost.AccountId;
    private const string Location = AppTestHost.LocationId;
    private static readonly string[] SeedTags = ["seed"];
    private static readonly string[] AreaCodes = ["201", "202", "203", "205", "206", "207", "208", "209", "210", "212"];

    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("ROEZANGHL_PINGPONG_COUNT"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 200;

    [Fact]
    public Task Mixed_changes_on_both_sides_end_with_the_same_state_everywhere_no_loss_no_duplicates_and_no_echo_applied() =>
        RunAsync(Count, faults: false);

    [Fact]
    public Task Faults_on_both_sides_5xx_429_storms_ghost_writes_and_doors_answering_429_lose_nothing() =>
        RunAsync(Math.Max(40, Count / 4), faults: true);

    [Fact]
    public async Task The_same_contact_edited_on_both_sides_within_a_second_keeps_both_changes_on_both_sides()
    {
        await using var host = await AppTestHost.Create().WithRoezanSimulator().WithGhlSimulatorWebhooks().StartAsync();
        for (var i = 0; i < 10; i++)
        {
            host.Simulator.State.UserCreatesContact(Location, new JsonObject { ["phone"] = Phone(i), ["firstName"] = $"G{i}", ["lastName"] = "Start", ["email"] = $"c{i}@example.com", ["tags"] = new JsonArray("seed") });
        }

        await SettleAsync(host);
        for (var i = 0; i < 10; i++)
        {
            var ghl = GhlContact(host, Phone(i));
            host.Simulator.State.UserEditsContact(Location, ghl["id"]!.GetValue<string>(), new JsonObject { ["firstName"] = $"Both{i}" });
            var roezan = host.Roezan.Simulator.State.FindContact(Account, Phone(i))!;
            host.Roezan.Simulator.Admin.EditContact(Account, roezan.Id, new RoezanFields { Email = $"both{i}@example.com" });
        }

        await SettleAsync(host);
        var wrong = Enumerable.Range(0, 10).Count(i =>
        {
            var ghl = GhlContact(host, Phone(i));
            var roezan = host.Roezan.Simulator.State.FindContact(Account, Phone(i))!;
            return ghl["firstName"]!.GetValue<string>() != $"Both{i}" || roezan.FirstName != $"Both{i}" || ghl["email"]!.GetValue<string>() != $"both{i}@example.com" || roezan.Email != $"both{i}@example.com";
        });
        var ledger = await ReadLedgerAsync(host);
        var applied = ledger.Count(e => e.Status == EventLedgerStatus.Applied);
        var conflicts = ledger.Count(e => e.Outcome?.Contains("conflict", StringComparison.Ordinal) == true);
        output.WriteLine($"same contact both sides: {wrong} of 10 wrong, {applied} applied for 10 creates and 20 changes, {ledger.Count} events, {conflicts} conflicts recorded");
        Assert.Equal(0, wrong);
        Assert.Equal((10, 10), (host.Simulator.State.ContactsOf(Location).Count, host.Roezan.Simulator.State.ContactsOf(Account).Count));
        Assert.DoesNotContain(ledger, e => e.Status is EventLedgerStatus.Failed);
    }

    private async Task RunAsync(int changes, bool faults)
    {
        await using var host = await AppTestHost.Create().WithRoezanSimulator().WithGhlSimulatorWebhooks().StartAsync();
        host.Simulator.Settings = host.Simulator.Settings with { RecordInMemory = false };
        var contacts = Math.Clamp(changes / 10, 10, 100);
        var clock = Stopwatch.StartNew();
        using var roezanApi = host.Roezan.Simulator.CreateClient();

        // Half the contacts start in GHL (a GHL user creates them), half in Roezan (through its API).
        for (var i = 0; i < contacts; i++)
        {
            var phone = Phone(i);
            if (i % 2 == 0)
            {
                host.Simulator.State.UserCreatesContact(Location, new JsonObject { ["phone"] = phone, ["firstName"] = $"G{i}", ["lastName"] = "Start", ["email"] = $"c{i}@example.com", ["tags"] = new JsonArray("seed") });
            }
            else
            {
                (await roezanApi.PostAsJsonAsync("integrations/contacts", new { phone, firstName = $"R{i}", lastName = "Start", email = $"c{i}@example.com", tags = SeedTags })).EnsureSuccessStatusCode();
            }
        }

        await SettleAsync(host);
        if (faults)
        {
            // From here on both APIs fail 15% of requests before applying them and answer 10% of writes with an error
            // after applying them (ghost writes).
            host.Simulator.Settings = host.Simulator.Settings with { ServerErrorRatio = 0.15, GhostWriteRatio = 0.1 };
            host.Roezan.Simulator.Settings = host.Roezan.Simulator.Settings with { ServerErrorRatio = 0.15, GhostWriteRatio = 0.1, Seed = 7 };
        }

        var random = new Random(1234);
        var expected = new Dictionary<string, (string First, string Email, HashSet<string> Tags)>(StringComparer.Ordinal);
        var storm = (Ghl: 0L, Roezan: 0L);
        var round = 0;
        for (var made = 0; made < changes; round++)
        {
            for (var i = 0; i < contacts && made < changes; i++, made++)
            {
                var phone = Phone(i);
                var ghl = GhlContact(host, phone);
                var current = (First: ghl["firstName"]!.GetValue<string>(), Email: ghl["email"]!.GetValue<string>(), Tags: Tags(ghl));
                var change = random.Next(3);
                var next = change switch
                {
                    0 => current with { First = $"F{made}" },
                    1 => current with { Email = $"c{i}.{made}@example.com" },
                    _ => current with { Tags = [.. current.Tags, $"t{made}"] },
                };
                expected[phone] = next;
                if (random.Next(2) == 0)
                {
                    host.Simulator.State.UserEditsContact(Location, ghl["id"]!.GetValue<string>(), new JsonObject { ["firstName"] = next.First, ["email"] = next.Email, ["tags"] = new JsonArray([.. next.Tags.Select(t => (JsonNode)JsonValue.Create(t))]) });
                }
                else
                {
                    var roezan = host.Roezan.Simulator.State.FindContact(Account, phone)!;
                    host.Roezan.Simulator.Admin.EditContact(Account, roezan.Id, new RoezanFields { FirstName = next.First, Email = next.Email, Tags = [.. next.Tags] });
                }
            }

            if (faults)
            {
                // Each door answers the next deliveries 429, as when its storage is down; both senders must redeliver.
                host.GhlWebhooks.Forwarder.RefuseNext(3);
                host.Roezan.Forwarder.RefuseNext(3);
            }

            if (faults && round == 1)
            {
                // The second round is processed in a 429 storm on both APIs.
                var settling = SettleAsync(host);
                storm = await StormAsync(host, TimeSpan.FromSeconds(8));
                await settling;
            }

            await SettleAsync(host);
        }

        var ghlContacts = host.Simulator.State.ContactsOf(Location);
        var roezanContacts = host.Roezan.Simulator.State.ContactsOf(Account);
        var lost = expected.Count(pair => !Holds(GhlContact(host, pair.Key), host.Roezan.Simulator.State.FindContact(Account, pair.Key)!, pair.Value));
        var ledger = await ReadLedgerAsync(host);
        var applied = ledger.Where(e => e.Status == EventLedgerStatus.Applied).ToList();
        var echoesApplied = applied.Count - changes - contacts;
        var latencies = applied.Select(e => (e.UpdatedAt!.Value - e.AcceptedAt!.Value).TotalMilliseconds).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"faults {faults}, storm 429s GHL {storm.Ghl} Roezan {storm.Roezan}, door 429s {host.GhlWebhooks.Forwarder.Refused + host.Roezan.Forwarder.Refused}, GHL webhooks dropped {host.GhlWebhooks.Sender.Dropped}, changes {changes}, contacts {contacts}, events {ledger.Count}, applied {applied.Count}, skipped {ledger.Count(e => e.Status == EventLedgerStatus.Skipped)}, failed {ledger.Count(e => e.Status == EventLedgerStatus.Failed)}, lost {lost}, echo writes {echoesApplied}, " +
            $"GHL contacts {ghlContacts.Count}, Roezan contacts {roezanContacts.Count}, GHL calls {host.Simulator.State.Counters.Snapshot().Total}, Roezan calls {host.Roezan.Simulator.State.Counters.Snapshot().Total}, " +
            $"latency p50 {Percentile(latencies, 0.5):0} ms p99 {Percentile(latencies, 0.99):0} ms, wall {clock.Elapsed.TotalSeconds:0.0} s"));

        Assert.Equal(0, host.GhlWebhooks.Sender.Dropped);
        if (faults)
        {
            // The storm must have been met by both clients, or it proves nothing.
            Assert.True(storm.Ghl >= 3 && storm.Roezan >= 3, $"the storm's 429s: GHL {storm.Ghl}, Roezan {storm.Roezan}");
        }

        Assert.Equal(0, lost);
        Assert.Equal((contacts, contacts), (ghlContacts.Count, roezanContacts.Count));
        Assert.Equal(0, echoesApplied);
        Assert.DoesNotContain(ledger, e => e.Status is EventLedgerStatus.Failed or EventLedgerStatus.Conflict);
    }

    /// <summary>
    /// A 429 storm on both APIs for <paramref name="length"/>: their limits are cut to 3 requests per 2 s (GHL per
    /// location, Roezan per account) and what is left of each window is used up at once, as another app sharing the
    /// budget would, so the app's clients (which pace themselves by the rate-limit headers) meet runs of 429s with
    /// Retry-After. Returns the 429s the app met from GHL and from Roezan.
    /// </summary>
    private static async Task<(long Ghl, long Roezan)> StormAsync(AppTestHost host, TimeSpan length)
    {
        var (ghl, roezan) = (host.Simulator.Settings, host.Roezan.Simulator.Settings);
        var (ghlBefore, roezanBefore) = (host.Simulator.State.Counters.Snapshot().RateLimited, host.Roezan.Simulator.State.Counters.Snapshot().RateLimited);
        host.Simulator.Settings = ghl with { RateLimitMax = 3, RateLimitIntervalMs = 2_000, SendRetryAfter = true };
        host.Roezan.Simulator.Settings = roezan with { RateLimitLimit = 3, RateLimitWindowSeconds = 2, SendRetryAfter = true };
        var storm = Stopwatch.StartNew();
        // At least the length, and on a slow machine on until each client has met a run of 429s (at most a minute).
        while (storm.Elapsed < length || (Met(host, ghlBefore, roezanBefore) is var (g, r) && (g < 3 || r < 3) && storm.Elapsed < TimeSpan.FromMinutes(1)))
        {
            host.Simulator.State.UseUpRateLimits();
            host.Roezan.Simulator.State.UseUpRateLimit(Account);
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        host.Simulator.Settings = host.Simulator.Settings with { RateLimitMax = ghl.RateLimitMax, RateLimitIntervalMs = ghl.RateLimitIntervalMs };
        host.Roezan.Simulator.Settings = host.Roezan.Simulator.Settings with { RateLimitLimit = roezan.RateLimitLimit, RateLimitWindowSeconds = roezan.RateLimitWindowSeconds };
        return Met(host, ghlBefore, roezanBefore);
    }

    private static (long Ghl, long Roezan) Met(AppTestHost host, long ghlBefore, long roezanBefore) =>
        (host.Simulator.State.Counters.Snapshot().RateLimited - ghlBefore, host.Roezan.Simulator.State.Counters.Snapshot().RateLimited - roezanBefore);

    private static string Phone(int i) => $"+1{AreaCodes[i / 100]}55501{i % 100:00}";

    private static JsonObject GhlContact(AppTestHost host, string phone) =>
        host.Simulator.State.ContactsOf(Location).Single(contact => contact["phone"]?.GetValue<string>() == phone);

    private static HashSet<string> Tags(JsonObject contact) =>
        new(((JsonArray?)contact["tags"] ?? []).Select(tag => tag!.GetValue<string>()), StringComparer.OrdinalIgnoreCase);

    private static bool Holds(JsonObject ghl, RoezanSimulator.State.RoezanContact roezan, (string First, string Email, HashSet<string> Tags) expected) =>
        ghl["firstName"]!.GetValue<string>() == expected.First && roezan.FirstName == expected.First
            && string.Equals(ghl["email"]!.GetValue<string>(), expected.Email, StringComparison.OrdinalIgnoreCase) && string.Equals(roezan.Email, expected.Email, StringComparison.OrdinalIgnoreCase)
            && Tags(ghl).SetEquals(expected.Tags) && expected.Tags.SetEquals(roezan.Tags);

    /// <summary>Until both simulators have sent everything and the queue is empty, twice in a row.</summary>
    private static async Task SettleAsync(AppTestHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        for (var quiet = 0; quiet < 2;)
        {
            var before = host.Pump.Delivered;
            await host.Roezan.Simulator.WaitForWebhooksAsync(timeout.Token);
            await host.GhlWebhooks.WaitUntilDrainedAsync(timeout.Token);
            await host.DrainAsync(TimeSpan.FromMinutes(5));
            quiet = host.Pump.Delivered == before ? quiet + 1 : 0;
        }
    }

    private static async Task<List<EventLedgerEntry>> ReadLedgerAsync(AppTestHost host)
    {
        var entries = new List<EventLedgerEntry>();
        foreach (var id in (await host.LedgerStatusesAsync()).Keys)
        {
            entries.Add(await host.ReadLedgerAsync(id));
        }

        return entries;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
