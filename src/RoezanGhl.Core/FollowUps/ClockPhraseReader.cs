using System.Text.RegularExpressions;

namespace RoezanGhl.Core.FollowUps;

/// <summary>
/// Reads the time of day a matched phrase names (<see cref="TimePhrasePatterns"/>): clock times with or without
/// am/pm ("3pm", "15:00", "at 3"), ranges ("2-4pm" starts at 2pm), fixed hours (noon, end of day, first thing) and
/// parts of the day (morning, after work).
/// </summary>
internal static class ClockPhraseReader
{
    public static TimeAtom? ReadClockRange(Match m)
    {
        // "2-4pm" starts at 2pm; "11-1pm" starts at 11am.
        var start = TimeWords.Number(m, "h");
        var end = TimeWords.Number(m, "h2");
        if (start is < 1 or > 12 || end is < 1 or > 12)
        {
            return null;
        }

        var endMeridiem = ReadMeridiem(m);
        var startMeridiem = start > end && start != 12 ? Flip(endMeridiem) : endMeridiem;
        return new TimeAtom { Start = m.Index, End = TimeWords.End(m), Clock = new ClockTime(start, 0, startMeridiem) };
    }

    private static Meridiem Flip(Meridiem meridiem) => meridiem == Meridiem.Pm ? Meridiem.Am : Meridiem.Pm;

    public static TimeAtom? ClockAtom(Match m, int hour, int minute)
    {
        var meridiem = ReadMeridiem(m);
        var written = m.Groups["h"].Value;
        if (meridiem != Meridiem.Unknown)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }
        }
        else if (hour is >= 13 and <= 23 || (m.Groups["m"].Success && written.Length == 2 && written[0] == '0'))
        {
            // "15:00", "09:30", "00:15" are written the 24-hour way.
            meridiem = Meridiem.TwentyFourHour;
        }
        else if (hour is < 1 or > 12)
        {
            return null;
        }

        return new TimeAtom { Start = m.Index, End = TimeWords.End(m), Clock = new ClockTime(hour, minute, meridiem) };
    }

    public static TimeAtom FixedClock(Match m, int hour, Meridiem meridiem) =>
        new() { Start = m.Index, End = TimeWords.End(m), Clock = new ClockTime(hour, 0, meridiem) };

    private static Meridiem ReadMeridiem(Match m)
    {
        if (!m.Groups["mer"].Success)
        {
            return Meridiem.Unknown;
        }

        return m.Groups["mer"].Value.StartsWith('a') ? Meridiem.Am : Meridiem.Pm;
    }

    public static TimeAtom ReadPartOfDay(Match m)
    {
        var part = m.Groups["part"].Value switch
        {
            "morning" or "mornin" or "morn" => FollowUps.PartOfDay.Morning,
            "afternoon" or "aftrnoon" or "afternon" or "arvo" => FollowUps.PartOfDay.Afternoon,
            "evening" or "evenin" or "work" => FollowUps.PartOfDay.Evening,
            _ => FollowUps.PartOfDay.Night,
        };
        var isThis = m.Groups["this"].Success;
        return new TimeAtom
        {
            Start = m.Index,
            End = TimeWords.End(m),
            Part = part,
            Day = isThis ? today => today : null,
        };
    }
}
