using System.Diagnostics.Metrics;

namespace RoezanGhl.Ghl.RateLimiting;

/// <summary>
/// The GHL client's meter (<see cref="MeterName"/>): calls by operation and status, 429s, how long calls waited
/// for a permit, and each location's remaining budget. Tags are operation names, status codes and location ids,
/// never anything from a contact.
/// </summary>
public sealed class GhlMetrics
{
    public const string MeterName = "RoezanGhl.Ghl";
    public const string CallsName = "roezanghl.ghl.calls";
    public const string ThrottledName = "roezanghl.ghl.throttled";
    public const string PermitWaitName = "roezanghl.ghl.permit.wait";
    public const string DailyRemainingName = "roezanghl.ghl.budget.daily_remaining";
    public const string WindowRemainingName = "roezanghl.ghl.budget.window_remaining";

    private readonly Counter<long> _calls;
    private readonly Counter<long> _throttled;
    private readonly Histogram<double> _permitWait;

    public GhlMetrics(IMeterFactory meters, GhlRateLimiter limiter)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(limiter);
        var meter = meters.Create(MeterName);
        _calls = meter.CreateCounter<long>(CallsName, "{call}", "Attempts sent to GHL, by operation and HTTP status (0: no answer).");
        _throttled = meter.CreateCounter<long>(ThrottledName, "{response}", "GHL answers 429 Too Many Requests, by location.");
        _permitWait = meter.CreateHistogram<double>(PermitWaitName, "s", "How long an attempt waited for the location's rate-limit permit.");
        meter.CreateObservableGauge(DailyRemainingName, () => Budgets(limiter, budget => budget.DailyRemaining), "{request}", "Requests GHL still allows the location today (estimate).");
        meter.CreateObservableGauge(WindowRemainingName, () => Budgets(limiter, budget => budget.RemainingInWindow), "{request}", "Permits the location's burst window grants now without waiting.");
    }

    /// <summary>One attempt that left the process: <paramref name="statusCode"/> 0 when it got no answer.</summary>
    public void CountCall(string operation, string locationId, int statusCode)
    {
        _calls.Add(1, new("operation", operation), new("location", locationId), new("status_code", statusCode));
        if (statusCode == 429)
        {
            _throttled.Add(1, new KeyValuePair<string, object?>("location", locationId));
        }
    }

    public void RecordPermitWait(string locationId, TimeSpan waited) =>
        _permitWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("location", locationId));

    private static IEnumerable<Measurement<long>> Budgets(GhlRateLimiter limiter, Func<GhlRateLimitBudget, long?> value) =>
        limiter.GetBudgets()
            .Where(budget => value(budget) is not null)
            .Select(budget => new Measurement<long>(value(budget)!.Value, new KeyValuePair<string, object?>("location", budget.LocationId)));
}
