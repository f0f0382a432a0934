using RoezanGhl.Engine.Reconciliation;

namespace RoezanGhl.Engine.Tests.Reconciliation;

public class ReconcileCallBudgetTests
{
    [Fact]
    public void Calls_are_granted_up_to_the_limit_and_no_further()
    {
        var budget = new ReconcileCallBudget(3);

        Assert.True(budget.TrySpend());
        Assert.True(budget.TrySpend(2));
        Assert.False(budget.TrySpend());

        Assert.Equal(3, budget.Spent);
        Assert.Equal(0, budget.Remaining);
        Assert.True(budget.Exhausted);
    }

    [Fact]
    public void A_request_larger_than_what_remains_takes_nothing()
    {
        var budget = new ReconcileCallBudget(3);
        budget.TrySpend(2);

        Assert.False(budget.TrySpend(2));
        Assert.Equal(2, budget.Spent);
        Assert.True(budget.TrySpend());
    }

    [Fact]
    public async Task Concurrent_spending_never_goes_over_the_limit()
    {
        var budget = new ReconcileCallBudget(100);
        var granted = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                if (budget.TrySpend())
                {
                    Interlocked.Increment(ref granted);
                }
            }
        })));

        Assert.Equal(100, granted);
        Assert.Equal(100, budget.Spent);
    }
}
