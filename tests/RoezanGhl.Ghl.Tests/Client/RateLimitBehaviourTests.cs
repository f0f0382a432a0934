using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Ghl.Tests.Client;

[IntegrationLane]
public sealed class RateLimitBehaviourTests
{
    private const string Location = "loc-limits";

    [Fact]
    public async Task A_429_with_retry_after_pauses_the_location_for_that_long_and_then_succeeds()
    {
        await using var spent = await SpentWindow.StartAsync(intervalMs: 1000, sendRetryAfter: true);

        var watch = Stopwatch.StartNew();
        var contact = await spent.Ghl.Client.GetContactAsync(Location, spent.ContactId);

        Assert.Equal(spent.ContactId, contact.Id);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));
        Assert.Equal([429, 200], Statuses(spent.Simulator));
    }

    [Fact]
    public async Task A_429_without_retry_after_waits_the_rate_limit_interval()
    {
        await using var spent = await SpentWindow.StartAsync(intervalMs: 1500, sendRetryAfter: false);

        var watch = Stopwatch.StartNew();
        await spent.Ghl.Client.GetContactAsync(Location, spent.ContactId);

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(1400), TimeSpan.FromSeconds(6));
        Assert.Equal([429, 200], Statuses(spent.Simulator));
    }

    [Fact]
    public async Task A_create_answered_429_is_repeated_because_ghl_did_not_apply_it()
    {
        await using var spent = await SpentWindow.StartAsync(intervalMs: 1000, sendRetryAfter: true);

        await spent.Ghl.Client.CreateContactAsync(Location, new() { FirstName = "Bo" });

        Assert.Equal(2, spent.Simulator.State.ContactsOf(Location).Count);
        Assert.Equal([429, 201], Statuses(spent.Simulator));
    }

    [Fact]
    public async Task The_client_learns_the_limit_from_the_headers_and_keeps_below_it()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        simulator.Settings = simulator.Settings with { RateLimitMax = 4, RateLimitIntervalMs = 800 };
        var contactId = simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = "Ana" })["id"]!.GetValue<string>();
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);

        await ghl.Client.GetContactAsync(Location, contactId);
        var learned = ghl.Client.GetRateLimitBudget(Location);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ghl.Client.GetContactAsync(Location, contactId)));

        Assert.Equal(4, learned.MaxPerInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(800), learned.Interval);
        Assert.DoesNotContain(429, Statuses(simulator));
    }

    [Fact]
    public async Task Background_work_stops_at_the_daily_reserve_while_live_work_goes_on()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        simulator.Settings = simulator.Settings with { DailyLimit = 50 };
        var contactId = simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = "Ana" })["id"]!.GetValue<string>();
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, configure: o => o.DailyReserve = 48);

        await ghl.Client.GetContactAsync(Location, contactId);
        using (GhlRequestPriorityScope.Enter(GhlRequestPriority.Background))
        {
            await ghl.Client.GetContactAsync(Location, contactId);
            var refused = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.GetContactAsync(Location, contactId));
            Assert.Equal(GhlErrorKind.RateLimited, refused.Kind);
            Assert.Null(refused.StatusCode);
            Assert.NotNull(refused.RetryAfter);
        }

        await ghl.Client.GetContactAsync(Location, contactId);

        Assert.Equal(3, simulator.State.Recorded.Count);
        var budget = ghl.Client.GetRateLimitBudget(Location);
        Assert.Equal(47, budget.DailyRemaining);
        Assert.False(budget.BackgroundAllowed);
    }

    [Fact]
    public async Task A_caller_that_cannot_get_a_permit_in_time_gets_rate_limited_without_sending()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        simulator.Settings = simulator.Settings with { RateLimitMax = 2, RateLimitIntervalMs = 30_000 };
        var contactId = simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = "Ana" })["id"]!.GetValue<string>();
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, configure: o =>
        {
            o.RateLimitMaxRequests = 2;
            o.RateLimitInterval = TimeSpan.FromSeconds(30);
            o.RateLimitMaxWait = TimeSpan.FromMilliseconds(200);
        });

        await ghl.Client.GetContactAsync(Location, contactId);
        await ghl.Client.GetContactAsync(Location, contactId);
        var refused = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.GetContactAsync(Location, contactId));

        Assert.Equal(GhlErrorKind.RateLimited, refused.Kind);
        Assert.False(refused.OutcomeUnknown);
        Assert.Equal(2, simulator.State.Recorded.Count);
    }

    /// <summary>A simulator with a 5-request window that another instance of the app has just spent.</summary>
    private sealed class SpentWindow : IAsyncDisposable
    {
        private SpentWindow(GhlSimulatorHost simulator, GhlTestClient ghl, string contactId)
        {
            Simulator = simulator;
            Ghl = ghl;
            ContactId = contactId;
        }

        public GhlSimulatorHost Simulator { get; }

        public GhlTestClient Ghl { get; }

        public string ContactId { get; }

        public static async Task<SpentWindow> StartAsync(int intervalMs, bool sendRetryAfter)
        {
            var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
            simulator.Settings = simulator.Settings with { RateLimitMax = 5, RateLimitIntervalMs = intervalMs, SendRetryAfter = sendRetryAfter };
            var contactId = simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = "Ana" })["id"]!.GetValue<string>();
            var ghl = GhlTestClient.Create(simulator.BaseUrl, configure: o => { o.RateLimitMaxRequests = 5; o.RateLimitInterval = TimeSpan.FromMilliseconds(intervalMs); });
            for (var i = 0; i < 5; i++)
            {
                Assert.True(simulator.State.CountRequest(Location).Allowed);
            }

            return new SpentWindow(simulator, ghl, contactId);
        }

        public async ValueTask DisposeAsync()
        {
            await Ghl.DisposeAsync();
            await Simulator.DisposeAsync();
        }
    }

    private static int[] Statuses(GhlSimulatorHost simulator) =>
        [.. simulator.State.Counters.Snapshot().Timelines.GetValueOrDefault(Location, []).Select(e => e.Status)];
}
