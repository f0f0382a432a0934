namespace RoezanGhl.RoezanSimulator.Webhooks;

/// <summary>
/// One event in the outbox: the exact JSON body sent (every attempt sends the same bytes, signed
/// afresh with the time of the attempt) and how its delivery went.
/// </summary>
public sealed record WebhookEvent
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    /// <summary><c>contact.created</c>, <c>contact.updated</c> or <c>message.received</c>.</summary>
    public required string Type { get; init; }

    public required string Body { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public WebhookEventStatus Status { get; init; }

    public int Attempts { get; init; }

    /// <summary>When the next attempt is due, while <see cref="Status"/> is <see cref="WebhookEventStatus.Pending"/>.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>The receiver's status of the last attempt, or null when it did not answer.</summary>
    public int? LastStatusCode { get; init; }

    /// <summary>Why the last attempt failed without an answer (timeout, refused connection).</summary>
    public string? LastError { get; init; }
}
