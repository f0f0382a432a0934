namespace RoezanGhl.TestSupport.Ghl;

/// <summary>
/// What one run of <see cref="GhlBudgetMeasurement"/> saw. Server figures come from the simulator's
/// timeline and count only answers within the run.
/// </summary>
public sealed record GhlBudgetReport(
    TimeSpan Duration,
    int BudgetPerInterval,
    TimeSpan Interval,
    int Offered,
    int Succeeded,
    int RejectedLocally,
    int FailedOtherwise,
    long ServerAccepted,
    long Server429,
    long ServerTotal)
{
    /// <summary>Requests GHL could have accepted in the run: one budget per whole interval.</summary>
    public double Capacity => BudgetPerInterval * (Duration / Interval);

    /// <summary>Share of the burst budget used (aim ≥ 0.95).</summary>
    public double BudgetShareUsed => Capacity == 0 ? 0 : ServerAccepted / Capacity;

    /// <summary>Share of requests that reached GHL and were answered 429 (aim ≤ 0.01).</summary>
    public double Share429 => ServerTotal == 0 ? 0 : (double)Server429 / ServerTotal;

    public override string ToString() =>
        $"{Duration.TotalSeconds:0} s, budget {BudgetPerInterval}/{Interval.TotalSeconds:0.#} s, offered {Offered}: " +
        $"GHL accepted {ServerAccepted} of capacity {Capacity:0} ({BudgetShareUsed:P1}), 429 {Server429} of {ServerTotal} ({Share429:P2}); " +
        $"client: {Succeeded} succeeded, {RejectedLocally} held back locally, {FailedOtherwise} other failures";
}
