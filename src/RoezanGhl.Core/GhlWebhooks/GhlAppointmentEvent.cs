namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// AppointmentCreate, AppointmentUpdate and AppointmentDelete: parsed for later use, not applied yet.
/// (HighLevel's own Update and Delete examples show <c>"type":"AppointmentCreate"</c>; the type decides.)
/// </summary>
public sealed class GhlAppointmentEvent : GhlWebhookEvent
{
    public GhlAppointment? Appointment { get; set; }
}
