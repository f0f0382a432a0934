namespace RoezanGhl.Core.TwoWay;

/// <summary>The account's two-way rules the planner applies (from <c>Sync:TwoWay</c>).</summary>
public sealed record GhlChangeRules
{
    public TimeSpan ConflictWindow { get; init; } = TimeSpan.FromSeconds(5);

    public ConflictRule ConflictRule { get; init; } = ConflictRule.NewestWins;

    /// <summary>The Roezan tag that marks a contact GHL says not to text (Roezan's API cannot opt a contact out).</summary>
    public string OptOutTag { get; init; } = "sms-opt-out";

    /// <summary>The account's field directions (<see cref="Mapping.FieldDirections"/>): fields that flow only Roezan → GHL are not written to Roezan.</summary>
    public IReadOnlyDictionary<string, string> Directions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
