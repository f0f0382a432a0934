namespace RoezanGhl.LoadHarness.Measurement;

/// <summary>
/// The time base of one run: milliseconds since <see cref="Restart"/>, which is also when the simulator's
/// counters are reset, so event times and the simulator's per-location request timeline share one base.
/// </summary>
public sealed class RunClock(TimeProvider time)
{
    public DateTimeOffset Start { get; private set; } = time.GetUtcNow();

    public double NowMs => (time.GetUtcNow() - Start).TotalMilliseconds;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTimeOffset Restart()
    {
        Start = time.GetUtcNow();
        return Start;
    }
}
