namespace RoezanGhl.Ghl.Tests.Budget;

/// <summary>A fact that runs only when <c>GHL_BUDGET_LONG_RUN=1</c>: it takes a minute or more.</summary>
public sealed class LongRunFactAttribute : FactAttribute
{
    public const string Variable = "GHL_BUDGET_LONG_RUN";

    public LongRunFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"Long run: set {Variable}=1 to measure 60 s of 3x demand.";
        }
    }
}
