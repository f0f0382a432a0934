using RoezanGhl.Core.GhlWebhooks;

namespace RoezanGhl.Core.Automations;

/// <summary>The appointment an Appointment* trigger carries: what reminders are timed against and templates read.</summary>
public sealed record AutomationAppointment
{
    /// <summary>HighLevel's status word for a cancelled appointment.</summary>
    public const string CancelledStatus = "cancelled";

    public required string Id { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public string? Title { get; init; }

    /// <summary>HighLevel's status word (<c>confirmed</c>, <c>cancelled</c>, …).</summary>
    public string? Status { get; init; }

    public bool IsCancelled => string.Equals(Status?.Trim(), CancelledStatus, StringComparison.OrdinalIgnoreCase);

    /// <summary>The appointment of a webhook, or null when it lacks the id or start time a reminder needs.</summary>
    public static AutomationAppointment? FromGhl(GhlAppointment? appointment) =>
        appointment is { Id: { Length: > 0 } id, StartTime: { } start }
            ? new AutomationAppointment { Id = id, StartTime = start, EndTime = appointment.EndTime, Title = appointment.Title, Status = appointment.AppointmentStatus }
            : null;
}
