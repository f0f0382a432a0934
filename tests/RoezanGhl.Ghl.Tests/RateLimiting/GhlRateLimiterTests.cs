using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Ghl.Configuration;
using RoezanGhl.Ghl.RateLimiting;

namespace RoezanGhl.Ghl.Tests.RateLimiting;

public sealed class GhlRateLimiterTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly GhlRateLimiter _limiter;

    public GhlRateLimiterTests()
    {
        _limiter = new GhlRateLimiter(
            Options.Create(new GhlOptions
            {
                RateLimitMaxRequests = 3,
                RateLimitInterval = TimeSpan.FromSeconds(1),
                RateLimitSafetyMargin = TimeSpan.FromMilliseconds(100),
                RateLimitMaxWait = TimeSpan.FromSeconds(5),
                DailyLimit = 1000,
                DailyReserve = 100,
            }),
            _time);
    }

    public void Dispose() => _limiter.Dispose();

    [Fact]
    public async Task A_location_gets_the_limit_at_once_and_the_next_call_waits_one_interval_and_the_margin()
    {
        for (var i = 0; i < 3; i++)
        {
            (await _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None)).Dispose();
        }

        var fourth = _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None).AsTask();
        Advance(TimeSpan.FromMilliseconds(1050));
        Assert.False(fourth.IsCompleted);
        Advance(TimeSpan.FromMilliseconds(50));

        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, _limiter.GetBudget("loc-1").RemainingInWindow);
    }

    [Fact]
    public async Task A_permit_counts_while_its_request_is_in_flight_and_for_one_window_after_the_answer()
    {
        var answered = await _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None);
        var slow = await _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None);
        answered.Dispose();

        Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(2, _limiter.GetBudget("loc-1").RemainingInWindow);
        slow.Dispose();
        Advance(TimeSpan.FromMilliseconds(1000));
        Assert.Equal(2, _limiter.GetBudget("loc-1").RemainingInWindow);
        Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(3, _limiter.GetBudget("loc-1").RemainingInWindow);
    }

    [Fact]
    public async Task Waiters_are_served_in_order_and_a_cancelled_waiter_gives_its_turn_away()
    {
        var held = new List<IDisposable>();
        for (var i = 0; i < 3; i++)
        {
            held.Add(await _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None));
        }

        using var giveUp = new CancellationTokenSource();
        var first = _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, giveUp.Token).AsTask();
        var second = _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None).AsTask();
        await giveUp.CancelAsync();
        held[0].Dispose();
        Advance(TimeSpan.FromMilliseconds(1100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.Equal(0, _limiter.GetBudget("loc-1").Waiting);
    }

    [Fact]
    public async Task Locations_have_separate_budgets()
    {
        for (var i = 0; i < 3; i++)
        {
            await _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None);
        }

        var other = _limiter.AcquireAsync("loc-2", GhlRequestPriority.Normal, CancellationToken.None);

        Assert.True(other.IsCompleted);
        Assert.Equal(0, _limiter.GetBudget("loc-1").RemainingInWindow);
        Assert.Equal(2, _limiter.GetBudget("loc-2").RemainingInWindow);
    }

    [Fact]
    public async Task A_call_that_waits_longer_than_the_maximum_is_refused()
    {
        using var impatient = new GhlRateLimiter(
            Options.Create(new GhlOptions { RateLimitMaxRequests = 1, RateLimitInterval = TimeSpan.FromSeconds(10), RateLimitMaxWait = TimeSpan.FromMilliseconds(500) }),
            _time);
        await impatient.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None);

        var waiting = impatient.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None).AsTask();
        Advance(TimeSpan.FromMilliseconds(400));
        Assert.False(waiting.IsCompleted);
        Advance(TimeSpan.FromMilliseconds(200));

        var refused = await Assert.ThrowsAsync<GhlRateLimitRejectedException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(0, impatient.GetBudget("loc-1").Waiting);
        Assert.Equal(TimeSpan.FromSeconds(10), refused.RetryAfter);
    }

    [Fact]
    public async Task A_429_pauses_the_location_for_the_retry_after()
    {
        var permit = await _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None);
        using var tooMany = Response(HttpStatusCode.TooManyRequests, remaining: 0);
        tooMany.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2));

        var delay = _limiter.Observe("loc-1", permit, tooMany);
        var next = _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None).AsTask();
        Advance(TimeSpan.FromMilliseconds(1900));
        Assert.False(next.IsCompleted);
        Advance(TimeSpan.FromMilliseconds(200));

        await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(2), delay);
    }

    [Fact]
    public async Task A_429_without_retry_after_pauses_for_the_interval_ghl_reports()
    {
        var permit = await _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None);
        using var tooMany = Response(HttpStatusCode.TooManyRequests, remaining: 0, intervalMs: 1000);

        var delay = _limiter.Observe("loc-1", permit, tooMany);

        Assert.Equal(TimeSpan.FromSeconds(1), delay);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(1), _limiter.GetBudget("loc-1").PausedUntil);
    }

    [Fact]
    public async Task Background_work_is_refused_once_only_the_daily_reserve_is_left()
    {
        var permit = await _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None);
        using var answer = Response(HttpStatusCode.OK, remaining: 2, dailyRemaining: 100);
        _limiter.Observe("loc-1", permit, answer);

        await Assert.ThrowsAsync<GhlRateLimitRejectedException>(() => _limiter.AcquireAsync("loc-1", GhlRequestPriority.Background, CancellationToken.None).AsTask());
        await _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None);

        Assert.Equal(99, _limiter.GetBudget("loc-1").DailyRemaining);
    }

    [Fact]
    public async Task An_old_daily_figure_no_longer_holds_background_work_back()
    {
        var permit = await _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None);
        using var answer = Response(HttpStatusCode.OK, remaining: 2, dailyRemaining: 10);
        _limiter.Observe("loc-1", permit, answer);
        Advance(TimeSpan.FromMinutes(61));

        await _limiter.AcquireAsync("loc-1", GhlRequestPriority.Background, CancellationToken.None);
    }

    [Fact]
    public async Task Requests_ghl_counted_from_elsewhere_use_up_local_permits()
    {
        using var bigger = new GhlRateLimiter(Options.Create(new GhlOptions { RateLimitMaxRequests = 100 }), _time);
        var permit = await bigger.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None);
        using var answer = Response(HttpStatusCode.OK, remaining: 60, max: 100, intervalMs: 10_000);

        bigger.Observe("loc-1", permit, answer);

        Assert.Equal(60, bigger.GetBudget("loc-1").RemainingInWindow);
        Assert.Equal(60, bigger.GetBudget("loc-1").ServerRemainingInWindow);
    }

    [Fact]
    public async Task Requests_of_our_own_still_in_flight_are_not_mistaken_for_someone_elses()
    {
        using var bigger = new GhlRateLimiter(Options.Create(new GhlOptions { RateLimitMaxRequests = 100 }), _time);
        var first = await bigger.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None);
        for (var i = 0; i < 10; i++)
        {
            await bigger.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None);
        }

        // GHL saw the ten later requests before the first one.
        using var answer = Response(HttpStatusCode.OK, remaining: 89, max: 100, intervalMs: 10_000);
        bigger.Observe("loc-1", first, answer);

        Assert.Equal(89, bigger.GetBudget("loc-1").RemainingInWindow);
    }

    [Fact]
    public async Task The_limit_and_window_follow_the_headers()
    {
        var permit = await _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None);
        using var answer = Response(HttpStatusCode.OK, remaining: 7, max: 10, intervalMs: 2000);

        _limiter.Observe("loc-1", permit, answer);
        var budget = _limiter.GetBudget("loc-1");

        Assert.Equal(10, budget.MaxPerInterval);
        Assert.Equal(TimeSpan.FromSeconds(2), budget.Interval);
        Assert.Equal(7, budget.RemainingInWindow);
    }

    private void Advance(TimeSpan by)
    {
        // In steps, so that the replenishment timer fires once per segment as it would in real time.
        var step = TimeSpan.FromMilliseconds(50);
        for (var done = TimeSpan.Zero; done < by; done += step)
        {
            _time.Advance(step < by - done ? step : by - done);
        }
    }

    private static HttpResponseMessage Response(HttpStatusCode status, int remaining, int max = 3, int intervalMs = 1000, long? dailyRemaining = null)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.Add("X-RateLimit-Max", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Interval-Milliseconds", intervalMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (dailyRemaining is { } daily)
        {
            response.Headers.Add("X-RateLimit-Daily-Remaining", daily.ToString(System.Globalization.CultureInfo.InvariantCulture));
            response.Headers.Add("X-RateLimit-Limit-Daily", "1000");
        }

        return response;
    }
}
