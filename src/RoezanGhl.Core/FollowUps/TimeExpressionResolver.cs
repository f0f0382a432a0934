using NodaTime;
using NodaTime.TimeZones;

namespace RoezanGhl.Core.FollowUps;

/// <summary>
/// Turns a <see cref="TimeExpression"/> into a due moment in the account's zone, relative to the
/// moment the message was received. Local times that fall in a daylight-saving gap move forward by the
/// length of the gap, and times that occur twice take the earlier one (NodaTime's lenient resolver),
/// so the same message always gives the same due date.
/// </summary>
internal static class TimeExpressionResolver
{
    private static readonly LocalTime LaterTodayTime = new(17, 0);
    private static readonly LocalTime LaterTodayCutoff = new(15, 0);

    public static DueResolution Resolve(TimeExpression expression, ZonedDateTime received, LocalTime defaultTime)
    {
        var now = received.LocalDateTime;
        var today = now.Date;

        if (expression.Elapsed?.Elapsed is { HasTimeComponent: true } span)
        {
            // "in 2 hours" is elapsed time, so it stays two real hours across a clock change.
            if (expression.Day is not null || expression.Clock is not null || expression.Part is not null)
            {
                return DueResolution.Unresolvable;
            }

            var instant = received.ToInstant().Plus(span.ToDuration());
            var wholeMinutes = instant.ToUnixTimeSeconds() / 60 * 60;
            return new DueResolution(DueOutcome.Resolved, Instant.FromUnixTimeSeconds(wholeMinutes).InZone(received.Zone));
        }

        if (expression.Day is { IsLaterToday: true } && expression.Clock is null)
        {
            return Ahead(LaterToday(now), received);
        }

        LocalDate? date = null;
        if (expression.Day?.Day is { } dayRule)
        {
            date = dayRule(today);
            if (date is null)
            {
                return DueResolution.Unresolvable;
            }
        }
        else if (expression.Day is { IsLaterToday: true })
        {
            date = today;
        }
        else if (expression.Elapsed?.Elapsed is { } days)
        {
            date = today.Plus(days);
        }

        LocalTime time;
        bool timeWasSaid;
        if (expression.Clock?.Clock is { } clock)
        {
            time = ToLocalTime(clock, expression.Part?.Part);
            timeWasSaid = true;
            if (date is null && expression.Clock.ClockMeansToday)
            {
                date = today;
            }
        }
        else if (expression.Part?.Part is { } part)
        {
            time = part.DefaultTime;
            timeWasSaid = false;
        }
        else if (expression.Day?.DayTime is { } dayTime)
        {
            time = dayTime;
            timeWasSaid = true;
        }
        else
        {
            time = defaultTime;
            timeWasSaid = false;
        }

        // A time with no day is its next occurrence: "at 3" sent at 4pm means tomorrow.
        date ??= time > now.TimeOfDay ? today : today.PlusDays(1);
        var due = date.Value + time;

        if (due <= now)
        {
            if (date.Value != today || timeWasSaid)
            {
                return DueResolution.NotAhead;
            }

            // "Call me today" (or "this afternoon") after the default hour: the next whole hour,
            // while that part of the day lasts.
            var nextHour = now.Date + new LocalTime(now.Hour, 0) + Period.FromHours(1);
            var lasts = (expression.Part?.Part ?? PartOfDay.WholeDay).Ends;
            if (nextHour.Date != today || nextHour.TimeOfDay > lasts)
            {
                return DueResolution.NotAhead;
            }

            due = nextHour;
        }

        return Ahead(due, received);
    }

    private static DueResolution Ahead(LocalDateTime due, ZonedDateTime received)
    {
        if (due.Date > received.Date.PlusYears(2))
        {
            return DueResolution.NotAhead;
        }

        var zoned = due.InZone(received.Zone, Resolvers.LenientResolver);
        return zoned.ToInstant() > received.ToInstant() ? new DueResolution(DueOutcome.Resolved, zoned) : DueResolution.NotAhead;
    }

    /// <summary>"Later today": 17:00 when said before 15:00, otherwise two hours on, rounded up to the hour.</summary>
    private static LocalDateTime LaterToday(LocalDateTime now)
    {
        if (now.TimeOfDay < LaterTodayCutoff)
        {
            return now.Date + LaterTodayTime;
        }

        var twoHoursOn = now.PlusHours(2);
        var wholeHour = twoHoursOn.Date + new LocalTime(twoHoursOn.Hour, 0);
        return wholeHour == twoHoursOn ? wholeHour : wholeHour.PlusHours(1);
    }

    /// <summary>Reads a written hour: am/pm when given, else the part of day, else 1-7 is afternoon and 8-11 morning.</summary>
    internal static LocalTime ToLocalTime(ClockTime clock, PartOfDay? part)
    {
        var hour = clock.Meridiem switch
        {
            Meridiem.Am => clock.Hour % 12,
            Meridiem.Pm => (clock.Hour % 12) + 12,
            Meridiem.TwentyFourHour => clock.Hour,
            _ when clock.Hour == 12 => 12,
            _ when part is not null => part.IsAfterNoon ? clock.Hour + 12 : clock.Hour,
            _ => clock.Hour <= 7 ? clock.Hour + 12 : clock.Hour,
        };
        return new LocalTime(hour, clock.Minute);
    }
}
