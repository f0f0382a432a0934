using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Ghl.Configuration;
using RoezanGhl.Ghl.RateLimiting;

namespace RoezanGhl.Ghl.Tests.RateLimiting;

/// <summary>The limiter's expected wait: arithmetic over the permit log, the 429 pause and the waiters, taking nothing.</summary>
public sealed class GhlExpectedWaitTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly GhlRateLimiter _limiter;

    public GhlExpectedWaitTests()
    {
        _limiter = new GhlRateLimiter(
            Options.Create(new GhlOptions { RateLimitMaxRequests = 3, RateLimitInterval = TimeSpan.FromSeconds(1), RateLimitSafetyMargin = TimeSpan.FromMilliseconds(100) }),
            _time);
    }

    public void Dispose() => _limiter.Dispose();

    [Fact]
    public void A_location_never_called_waits_nothing_and_asking_creates_no_budget()
    {
        Assert.Equal(TimeSpan.Zero, _limiter.ExpectedWait("loc-1"));
        Assert.Empty(_limiter.GetBudgets());
    }

    [Fact]
    public async Task A_spent_window_waits_until_its_oldest_answer_is_one_window_old_and_asking_takes_no_permit()
    {
        for (var i = 0; i < 3; i++)
        {
            (await _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None)).Dispose();
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(800), _limiter.ExpectedWait("loc-1"));
        Assert.Equal(TimeSpan.FromMilliseconds(900), _limiter.ExpectedWait("loc-1", ahead: 1));
        Assert.Equal(TimeSpan.FromMilliseconds(1900), _limiter.ExpectedWait("loc-1", ahead: 3));
        Assert.Equal(0, _limiter.GetBudget("loc-1").RemainingInWindow);
        Assert.Equal(0, _limiter.GetBudget("loc-1").Waiting);
    }

    [Fact]
    public async Task A_request_in_flight_counts_as_if_answered_now_and_callers_already_waiting_go_first()
    {
        using var inFlight = await _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None);
        (await _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None)).Dispose();
        (await _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None)).Dispose();
        _time.Advance(TimeSpan.FromMilliseconds(500));
        var waiting = _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None).AsTask();

        // The waiter takes the first permit to free up, the next caller the second (both 600 ms on); the one still in
        // flight is taken as answered now, so the caller after those waits a whole window.
        Assert.Equal(TimeSpan.FromMilliseconds(600), _limiter.ExpectedWait("loc-1"));
        Assert.Equal(TimeSpan.FromMilliseconds(1100), _limiter.ExpectedWait("loc-1", ahead: 1));
        _time.Advance(TimeSpan.FromMilliseconds(600));
        (await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.Equal(TimeSpan.Zero, _limiter.ExpectedWait("loc-1"));
    }

    [Fact]
    public async Task After_a_429_the_wait_is_at_least_the_pause()
    {
        var permit = await _limiter.AcquireAsync("loc-1", GhlRequestPriority.Normal, CancellationToken.None);
        using var tooMany = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        tooMany.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(5));

        _limiter.Observe("loc-1", permit, tooMany);
        permit.Dispose();

        Assert.Equal(TimeSpan.FromSeconds(5), _limiter.ExpectedWait("loc-1"));
    }
}
