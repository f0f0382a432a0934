namespace RoezanGhl.RoezanSimulator.Webhooks;

/// <summary>One delivery attempt of an event, in the order attempts were made.</summary>
public sealed record WebhookAttempt(string EventId, int Attempt, DateTimeOffset At, int? StatusCode, string? Error, bool Delivered);
