namespace RoezanGhl.Ghl.Models;

/// <summary>
/// An appointment of a contact (<c>GetEventSchema</c>). Times are kept as GHL's text
/// (<c>2021-07-16 11:00:00</c>, in the calendar's zone), which is not ISO 8601.
/// </summary>
public sealed class GhlAppointment
{
    public string Id { get; set; } = "";

    public string? CalendarId { get; set; }

    public string? Status { get; set; }

    public string? Title { get; set; }

    public string? AssignedUserId { get; set; }

    public string? Notes { get; set; }

    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public string? Address { get; set; }

    public string? LocationId { get; set; }

    public string? ContactId { get; set; }

    public string? GroupId { get; set; }

    public string? AppointmentStatus { get; set; }

    public List<string>? Users { get; set; }

    public string? DateAdded { get; set; }

    public string? DateUpdated { get; set; }
}
