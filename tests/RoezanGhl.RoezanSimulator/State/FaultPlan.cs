namespace RoezanGhl.RoezanSimulator.State;

/// <summary>
/// Which requests meet an injected fault. Draws come from one seeded <see cref="Random"/> and are
/// made only while a ratio is above 0, so the same settings and the same sequence of requests give
/// the same faults in every run. Guarded by the state's lock.
/// </summary>
internal sealed class FaultPlan
{
    private Random _random = new(0);
    private int _serverErrorsLeft;
    private int _ghostWritesLeft;

    /// <summary>Starts over from the settings: a new draw sequence and re-armed burst and ghost-write counts.</summary>
    public void Rearm(RoezanSimulatorSettings settings)
    {
        _random = new Random(settings.Seed);
        _serverErrorsLeft = settings.ServerErrorBurst;
        _ghostWritesLeft = settings.GhostWriteCount;
    }

    /// <summary>Whether this request fails with a 5xx before its handler runs; the burst answers 503, the ratio 500.</summary>
    public int? NextServerError(RoezanSimulatorSettings settings)
    {
        if (_serverErrorsLeft > 0)
        {
            _serverErrorsLeft--;
            return 503;
        }

        return settings.ServerErrorRatio > 0 && _random.NextDouble() < settings.ServerErrorRatio ? 500 : null;
    }

    /// <summary>Whether this applied write is answered as failed.</summary>
    public bool NextGhostWrite(RoezanSimulatorSettings settings)
    {
        if (_ghostWritesLeft > 0)
        {
            _ghostWritesLeft--;
            return true;
        }

        return settings.GhostWriteRatio > 0 && _random.NextDouble() < settings.GhostWriteRatio;
    }
}
