using System.Net;
using System.Text.Json.Nodes;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Time;

namespace RoezanGhl.Ghl.Tests.Client;

[IntegrationLane]
public sealed class RateLimitBehaviourTests
{
    private const string Location = "loc-limits";

    // Only against a hang: what these tests wait for is on the fake clock.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    // GhlOptions.RateLimitSafetyMargin's default: the client's window outlasts GHL's by this much.
    private static readonly TimeSpan SafetyMargin = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task A_429_with_retry_after_pauses_the_location_for_that_long_and_then_succeeds()
    {
        await using var spent = await SpentWindow.StartAsync(intervalMs: 1000, sendRetryAfter: true);

        var call = spent.Ghl.Client.GetContactAsync(Location, spent.ContactId);
        var pause = await spent.PausedAfter429Async();
        spent.Time.Advance(pause - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted, "The client did not wait for the Retry-After.");
        Assert.Equal([429], Statuses(spent.Simulator));
        var contact = await spent.RunWaitsAsync(call);

        Assert.Equal(spent.ContactId, contact.Id);
        Assert.Equal(TimeSpan.FromSeconds(1), pause);
        Assert.Equal([429, 200], Statuses(spent.Simulator));
        // The pause, then the client's own window: GHL's count of the spent window plus its safety margin.
        Assert.Equal(pause + SafetyMargin, spent.RetriedAfter());
    }

    [Fact]
    public async Task A_429_without_retry_after_waits_the_rate_limit_interval()
    {
        await using var spent = await SpentWindow.StartAsync(intervalMs: 1500, sendRetryAfter: false);

        var call = spent.Ghl.Client.GetContactAsync(Location, spent.ContactId);
        var pause = await spent.PausedAfter429Async();
        spent.Time.Advance(pause - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted, "The client did not wait for the interval.");
        await spent.RunWaitsAsync(call);

        Assert.Equal(TimeSpan.FromMilliseconds(1500), pause);
        Assert.Equal([429, 200], Statuses(spent.Simulator));
        Assert.Equal(pause + SafetyMargin, spent.RetriedAfter());
    }

    [Fact]
    public async Task A_create_answered_429_is_repeated_because_ghl_did_not_apply_it()
    {
        await using var spent = await SpentWindow.StartAsync(intervalMs: 1000, sendRetryAfter: true);

        // The clock stands still until GHL has answered: the create always meets the spent window.
        await spent.RunWaitsAsync(spent.Ghl.Client.CreateContactAsync(Location, new() { FirstName = "Bo" }));

        Assert.Equal(2, spent.Simulator.State.ContactsOf(Location).Count);
        Assert.Equal([429, 201], Statuses(spent.Simulator));
    }

    [Fact]
    public async Task The_client_learns_the_limit_from_the_headers_and_keeps_below_it()
    {
        // One fake clock for both, standing still while requests travel: GHL's window and the client's agree.
        var time = new WatchedTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location], timeProvider: time);
        simulator.Settings = simulator.Settings with { RateLimitMax = 4, RateLimitIntervalMs = 800 };
        var contactId = simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = "Ana" })["id"]!.GetValue<string>();
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, timeProvider: time);

        await ghl.Client.GetContactAsync(Location, contactId);
        var learned = ghl.Client.GetRateLimitBudget(Location);
        var calls = Enumerable.Range(0, 8).Select(_ => ghl.Client.GetContactAsync(Location, contactId)).ToList();
        // Three more fit the first window; the client holds the rest back until it has passed, four at a time.
        foreach (var answered in new[] { 3, 7 })
        {
            await Gate.UntilAsync(() => calls.Count(call => call.IsCompleted) == answered, $"{answered} calls answered");
            time.Advance(await time.WaitStartedAsync(TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(2)));
        }

        await Task.WhenAll(calls).WaitAsync(Guard);

        Assert.Equal(4, learned.MaxPerInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(800), learned.Interval);
        Assert.Equal(9, simulator.State.Recorded.Count);
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

    /// <summary>
    /// A simulator with a 5-request window that another instance of the app has just spent, and a client, both on
    /// one fake clock that stands still until the test moves it: the window cannot pass while a request is on its way.
    /// </summary>
    private sealed class SpentWindow : IAsyncDisposable
    {
        private SpentWindow(WatchedTimeProvider time, GhlSimulatorHost simulator, GhlTestClient ghl, string contactId)
        {
            Time = time;
            Simulator = simulator;
            Ghl = ghl;
            ContactId = contactId;
        }

        public WatchedTimeProvider Time { get; }

        public GhlSimulatorHost Simulator { get; }

        public GhlTestClient Ghl { get; }

        public string ContactId { get; }

        public static async Task<SpentWindow> StartAsync(int intervalMs, bool sendRetryAfter)
        {
            var time = new WatchedTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
            var simulator = await GhlSimulatorHost.StartAsync(locations: [Location], timeProvider: time);
            simulator.Settings = simulator.Settings with { RateLimitMax = 5, RateLimitIntervalMs = intervalMs, SendRetryAfter = sendRetryAfter };
            var contactId = simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = "Ana" })["id"]!.GetValue<string>();
            var ghl = GhlTestClient.Create(simulator.BaseUrl, configure: o => { o.RateLimitMaxRequests = 5; o.RateLimitInterval = TimeSpan.FromMilliseconds(intervalMs); }, timeProvider: time);
            for (var i = 0; i < 5; i++)
            {
                Assert.True(simulator.State.CountRequest(Location).Allowed);
            }

            return new SpentWindow(time, simulator, ghl, contactId);
        }

        /// <summary>Waits until GHL has answered 429 and the client has started its pause (a wait of 0.5 to 5 s); returns the pause.</summary>
        public Task<TimeSpan> PausedAfter429Async() => Time.WaitStartedAsync(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));

        /// <summary>Runs <paramref name="call"/>, moving the clock through each wait it starts (of at most 5 s).</summary>
        public Task<T> RunWaitsAsync<T>(Task<T> call) => Time.AdvanceThroughWaitsAsync(call, TimeSpan.FromSeconds(5));

        /// <summary>How long after the 429 (on the fake clock) the request was sent again.</summary>
        public TimeSpan RetriedAfter()
        {
            var timeline = Simulator.State.Counters.Snapshot().Timelines[Location];
            return TimeSpan.FromMilliseconds(timeline[1].AtMs - timeline[0].AtMs);
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
