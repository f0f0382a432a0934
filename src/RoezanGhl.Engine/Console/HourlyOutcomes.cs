namespace RoezanGhl.Engine.Console;

/// <summary>
/// The Run history chart's data: for each hour (start, UTC) of the window, how many events reached each outcome
/// (<see cref="Outcomes"/> in the order of the series), and the GHL budget used per location as this instance sees it.
/// </summary>
public sealed record HourlyOutcomes(IReadOnlyList<DateTimeOffset> Hours, IReadOnlyList<string> Outcomes, IReadOnlyList<IReadOnlyList<int>> Counts, IReadOnlyList<LocationBudgetUse> Budgets);
