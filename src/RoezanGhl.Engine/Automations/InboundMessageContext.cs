namespace RoezanGhl.Engine.Automations;

/// <summary>Where a synced inbound message came from and whom it reached in GHL: the ids its follow-up acts on.</summary>
public sealed record InboundMessageContext(string AccountId, string LocationId, string GhlContactId, string EventId, DateTimeOffset AcceptedAt);
