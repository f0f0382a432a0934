namespace RoezanGhl.GhlSimulator.State;

/// <summary>
/// GHL-like limits of one location: a fixed burst window that starts with the first request after the
/// previous one ended, and a daily count. Guarded by the owning state's lock.
/// </summary>
public sealed class RateWindow
{
    public DateTimeOffset WindowStart { get; private set; } = DateTimeOffset.MinValue;

    public int UsedInWindow { get; private set; }

    public DateTimeOffset DayStart { get; private set; } = DateTimeOffset.MinValue;

    public long UsedToday { get; private set; }

    /// <summary>Counts a request if it is within the limits; otherwise says when the window reopens.</summary>
    public RateDecision TryTake(DateTimeOffset now, SimulatorSettings settings)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(1, settings.RateLimitIntervalMs));
        if (now >= WindowStart + interval)
        {
            WindowStart = now;
            UsedInWindow = 0;
        }

        if (now.UtcDateTime.Date != DayStart.UtcDateTime.Date)
        {
            DayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
            UsedToday = 0;
        }

        var burstFull = settings.RateLimitMax > 0 && UsedInWindow >= settings.RateLimitMax;
        var dayFull = settings.DailyLimit > 0 && UsedToday >= settings.DailyLimit;
        if (!burstFull && !dayFull)
        {
            UsedInWindow++;
            UsedToday++;
        }

        var resetIn = dayFull && !burstFull ? DayStart.AddDays(1) - now : WindowStart + interval - now;
        return new RateDecision(
            !burstFull && !dayFull,
            settings.RateLimitMax > 0 ? Math.Max(0, settings.RateLimitMax - UsedInWindow) : 1_000_000,
            settings.DailyLimit > 0 ? Math.Max(0, settings.DailyLimit - UsedToday) : 1_000_000_000,
            resetIn);
    }
}
