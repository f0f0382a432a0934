namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// The calls one run may still make to one API. Work asks before each call and stops cleanly (cursor saved)
/// when the answer is no, so a run never goes over its budget and the next run continues from there.
/// </summary>
public sealed class ReconcileCallBudget
{
    private int _spent;

    public ReconcileCallBudget(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        Limit = limit;
    }

    public int Limit { get; }

    public int Spent => Volatile.Read(ref _spent);

    public int Remaining => Math.Max(0, Limit - Spent);

    /// <summary>True once a caller was refused for want of calls.</summary>
    public bool Exhausted { get; private set; }

    /// <summary>Takes <paramref name="calls"/> from the budget, or none and false when fewer remain.</summary>
    public bool TrySpend(int calls = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(calls);
        while (true)
        {
            var spent = Volatile.Read(ref _spent);
            if (spent + calls > Limit)
            {
                Exhausted = true;
                return false;
            }

            if (Interlocked.CompareExchange(ref _spent, spent + calls, spent) == spent)
            {
                return true;
            }
        }
    }
}
