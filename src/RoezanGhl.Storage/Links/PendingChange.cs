namespace RoezanGhl.Storage.Links;

/// <summary>A queued change as <see cref="PendingChangeIndex"/> keeps it: the event, when it happened and arrived, and its payload JSON.</summary>
public sealed record PendingChange(string EventId, DateTimeOffset? OccurredAt, DateTimeOffset AcceptedAt, string Payload);
