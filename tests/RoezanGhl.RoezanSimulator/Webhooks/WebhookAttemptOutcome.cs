namespace RoezanGhl.RoezanSimulator.Webhooks;

/// <summary>What one delivery attempt came to, as the dispatcher hands it to the outbox.</summary>
internal sealed record WebhookAttemptOutcome(bool Delivered, int? StatusCode, string? Error, TimeSpan? RetryAfter, bool NoTarget = false);
