using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Ghl.Serialization;

/// <summary><c>{ events }</c>: a contact's appointments.</summary>
internal sealed class GhlAppointmentEnvelope
{
    public List<GhlAppointment>? Events { get; set; }
}
