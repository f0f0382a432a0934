using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace RoezanGhl.Core.Automations.Timing;

/// <summary>
/// The local hours in which an account's automations may text, e.g. 08:00–21:00. A window may cross midnight
/// (21:00–02:00); <c>24:00</c> as the end means midnight at the end of the day (00:00–24:00 is every hour).
/// A text due outside the window waits for the window's next first minute, DST-correct in the account's zone.
/// </summary>
public sealed record SendingHours
{
    public static readonly SendingHours Default = new(new LocalTime(8, 0), new LocalTime(21, 0));

    private static readonly LocalTimePattern Clock = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <param name="start">First allowed minute.</param>
    /// <param name="end">First minute no longer allowed; null for the end of the day (24:00).</param>
    public SendingHours(LocalTime start, LocalTime? end)
    {
        if (end == start)
        {
            throw new ArgumentException("Sending hours cannot start and end at the same minute.", nameof(end));
        }

        Start = start;
        End = end;
    }

    public LocalTime Start { get; }

    /// <summary>Null: the window runs to midnight.</summary>
    public LocalTime? End { get; }

    /// <summary>Reads "HH:mm" times; the end may also be "24:00". False when either is malformed or they are equal.</summary>
    public static bool TryParse(string? start, string? end, [NotNullWhen(true)] out SendingHours? hours)
    {
        hours = null;
        if (start is null || end is null || !Clock.Parse(start).TryGetValue(default, out var from))
        {
            return false;
        }

        LocalTime? to = end == "24:00" ? null : Clock.Parse(end).TryGetValue(default, out var parsed) ? parsed : (LocalTime?)null;
        if ((to is null && end != "24:00") || to == from)
        {
            return false;
        }

        hours = new SendingHours(from, to);
        return true;
    }

    /// <summary>Whether a wall-clock time is inside the window.</summary>
    public bool Allows(LocalTime time) => End switch
    {
        null => time >= Start,
        { } end when end > Start => time >= Start && time < end,
        { } end => time >= Start || time < end,
    };

    /// <summary>The moment itself when it is inside the window, else the first minute of the next window.</summary>
    public Instant NextAllowed(Instant moment, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = moment.InZone(zone).LocalDateTime;
        if (Allows(local.TimeOfDay))
        {
            return moment;
        }

        // Outside the window the next opening is today's start if it is still ahead, else tomorrow's.
        var date = local.TimeOfDay < Start ? local.Date : local.Date.PlusDays(1);
        return LocalTimeResolver.Resolve(date + Start, zone, notBefore: moment);
    }

    public override string ToString() =>
        $"{Clock.Format(Start)}–{(End is { } end ? Clock.Format(end) : "24:00")}";
}
