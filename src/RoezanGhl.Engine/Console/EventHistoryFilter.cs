using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Console;

/// <summary>The Run history screen's filters: each narrows the list; none lists the newest <see cref="Take"/>.</summary>
public sealed record EventHistoryFilter
{
    public string? AccountId { get; init; }

    public EventLedgerStatus? Status { get; init; }

    public string? Type { get; init; }

    public DateTimeOffset? Since { get; init; }

    public int Take { get; init; } = 100;

    public EventLedgerQuery ToQuery() => new() { AccountId = AccountId, Status = Status, Type = Type, Since = Since, Take = Take };
}
