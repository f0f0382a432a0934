namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>What a GHL webhook body is, decided by its <c>type</c> (or, for a provider message, by the endpoint it came to).</summary>
public enum GhlWebhookEventKind
{
    /// <summary>A type this app does not read: acknowledged and ignored, counted by its type name.</summary>
    Unrecognized,

    ContactCreate,
    ContactUpdate,
    ContactTagUpdate,
    ContactDndUpdate,
    ContactDelete,
    NoteCreate,
    TaskCreate,
    TaskComplete,
    AppointmentCreate,
    AppointmentUpdate,
    AppointmentDelete,

    /// <summary>
    /// A message a GHL user sent through our conversation provider. Its body has no event name (its
    /// <c>type</c> is the channel, <c>SMS</c> or <c>Email</c>), so it is known by the endpoint, not the body.
    /// </summary>
    ProviderOutboundMessage,
}
