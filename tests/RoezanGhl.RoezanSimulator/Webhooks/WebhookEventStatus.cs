namespace RoezanGhl.RoezanSimulator.Webhooks;

/// <summary>Where a webhook event is in the outbox.</summary>
public enum WebhookEventStatus
{
    /// <summary>Waiting for its first or next attempt (or being sent right now).</summary>
    Pending = 0,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered = 1,

    /// <summary>Every attempt failed; given up.</summary>
    Failed = 2,

    /// <summary>The account has no webhook URL; recorded, never sent.</summary>
    NoTarget = 3,
}
