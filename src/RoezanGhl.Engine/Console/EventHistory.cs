using RoezanGhl.Ghl.RateLimiting;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Console;

/// <summary>
/// The Run history screen: the event ledger filtered (the same <see cref="EventLedger.QueryAsync"/> the CLI's
/// <c>events</c> reads), one event with its plan, and the chart of events per hour by outcome with the GHL budget
/// used per location.
/// </summary>
public sealed class EventHistory(EventLedger ledger, GhlRateLimiter budgets, TimeProvider time)
{
    /// <summary>How far back the chart looks, and how many ledger rows it reads at most.</summary>
    public static readonly TimeSpan ChartWindow = TimeSpan.FromHours(24);

    public const int ChartRowLimit = 5_000;

    public Task<IReadOnlyList<EventLedgerEntry>> ListAsync(EventHistoryFilter filter, CancellationToken cancellationToken) =>
        ledger.QueryAsync((filter ?? throw new ArgumentNullException(nameof(filter))).ToQuery(), cancellationToken);

    public Task<EventLedgerEntry?> GetAsync(string accountId, string eventId, CancellationToken cancellationToken) =>
        ledger.GetAsync(accountId, eventId, cancellationToken);

    public async Task<HourlyOutcomes> ChartAsync(string? accountId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var first = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero) - ChartWindow + TimeSpan.FromHours(1);
        var entries = await ledger.QueryAsync(new EventLedgerQuery { AccountId = accountId, Since = first, Take = ChartRowLimit }, cancellationToken).ConfigureAwait(false);
        var outcomes = Enum.GetNames<EventLedgerStatus>();
        var hours = Enumerable.Range(0, (int)ChartWindow.TotalHours).Select(hour => first.AddHours(hour)).ToList();
        var counts = outcomes.Select(_ => new int[hours.Count]).ToList();
        foreach (var entry in entries)
        {
            var at = entry.UpdatedAt ?? entry.AcceptedAt;
            if (at is { } when && when >= first)
            {
                var hour = Math.Min((int)((when - first).TotalHours), hours.Count - 1);
                counts[(int)entry.Status][hour]++;
            }
        }

        var used = budgets.GetBudgets()
            .Select(budget => new LocationBudgetUse(budget.LocationId, budget.DailyLimit, budget.DailyRemaining is { } left ? budget.DailyLimit - left : null))
            .OrderBy(budget => budget.LocationId, StringComparer.Ordinal)
            .ToList();
        return new HourlyOutcomes(hours, outcomes, [.. counts.Select(series => (IReadOnlyList<int>)series)], used);
    }
}
