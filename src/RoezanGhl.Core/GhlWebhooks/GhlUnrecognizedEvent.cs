namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// A delivery of a type this app does not read (<c>InboundMessage</c>, <c>OpportunityCreate</c>, …): only the
/// common members are parsed, so that the door can verify, count by <see cref="GhlWebhookEvent.Type"/> and
/// acknowledge it without failing on a shape it never uses.
/// </summary>
public sealed class GhlUnrecognizedEvent : GhlWebhookEvent;
