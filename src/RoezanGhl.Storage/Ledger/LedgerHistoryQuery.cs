
namespace RoezanGhl.Storage.Ledger;

/// <summary>Which ledger entries to list: every member narrows the result; none lists the newest <see cref="Take"/>.</summary>
public sealed record LedgerHistoryQuery
{
    public string? AccountId { get; init; }

    public EventLedgerStatus? Status { get; init; }

    /// <summary>A Roezan contact id or a GHL contact id.</summary>
    public string? ContactId { get; init; }

    /// <summary>Entries changed at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    public int Take { get; init; } = 50;
}
