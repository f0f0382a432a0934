namespace RoezanGhl.Engine.Reconciliation;

/// <summary>Which poison-queue messages to move back; every member narrows the choice, none takes them all.</summary>
public sealed record PoisonReplayFilter
{
    /// <summary>Only events of these Roezan accounts (a location's accounts, for the reconciler).</summary>
    public IReadOnlyCollection<string>? AccountIds { get; init; }

    /// <summary>Only the message with this event id or queue message id.</summary>
    public string? Id { get; init; }

    /// <summary>Only messages that reached the poison queue at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>
    /// Events re-driven this many times already are not moved again but given up (<see cref="PoisonReplayAction.GivenUp"/>);
    /// null (a person's replay) moves them whatever their count.
    /// </summary>
    public int? MaxReDrives { get; init; }

    /// <summary>Who moves them, for the ledger (<c>reconcile:{run}</c>, <c>cli</c>).</summary>
    public string Actor { get; init; } = "cli";
}
