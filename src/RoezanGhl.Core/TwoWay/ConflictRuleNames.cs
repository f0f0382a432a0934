namespace RoezanGhl.Core.TwoWay;

/// <summary>The setting values of <see cref="ConflictRule"/>: <c>newest-wins</c>, <c>ghl-wins</c>, <c>roezan-wins</c>.</summary>
public static class ConflictRuleNames
{
    public const string NewestWins = "newest-wins";
    public const string GhlWins = "ghl-wins";
    public const string RoezanWins = "roezan-wins";

    public static IReadOnlyList<string> All { get; } = [NewestWins, GhlWins, RoezanWins];

    public static bool TryParse(string? name, out ConflictRule rule)
    {
        rule = name switch
        {
            NewestWins => ConflictRule.NewestWins,
            GhlWins => ConflictRule.GhlWins,
            RoezanWins => ConflictRule.RoezanWins,
            _ => (ConflictRule)(-1),
        };
        return Enum.IsDefined(rule);
    }
}
