namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>The appointment inside an Appointment* webhook; times carry their own offsets.</summary>
public sealed class GhlAppointment
{
    public string? Id { get; set; }

    public string? CalendarId { get; set; }

    public string? ContactId { get; set; }

    public string? Title { get; set; }

    /// <summary>HighLevel's status word (<c>confirmed</c>, <c>cancelled</c>, <c>showed</c>, …).</summary>
    public string? AppointmentStatus { get; set; }

    public string? AssignedUserId { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    public DateTimeOffset? DateAdded { get; set; }

    public DateTimeOffset? DateUpdated { get; set; }
}
