namespace RoezanGhl.Storage.Ledger;

/// <summary>Which ledger entries to list (<see cref="EventLedger.QueryAsync"/>): every member narrows the result; none lists the newest <see cref="Take"/>.</summary>
public sealed record EventLedgerQuery
{
    public string? AccountId { get; init; }

    public EventLedgerStatus? Status { get; init; }

    /// <summary>A contact id of either side: the source's (a Roezan contact id) or the target's (a GHL contact id).</summary>
    public string? ContactId { get; init; }

    /// <summary>The event type, such as <c>contact.updated</c> (exactly as stored).</summary>
    public string? Type { get; init; }

    /// <summary>Entries changed at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    public int Take { get; init; } = 50;
}
