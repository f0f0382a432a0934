using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace RoezanGhl.Core.FollowUps;

/// <summary>
/// Finds the time expressions in a lower-cased message: every pattern family yields atoms, the
/// leftmost-longest atoms win where they overlap, and atoms separated only by joiner words
/// ("at", "on", ",") combine into one expression.
/// </summary>
internal sealed class TimeExpressionScanner
{
    private static readonly string[] AbbreviatedWeekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    private readonly NumericDateOrder _dateOrder;

    public TimeExpressionScanner(NumericDateOrder dateOrder) => _dateOrder = dateOrder;

    public IReadOnlyList<TimeExpression> Scan(string lowered)
    {
        var atoms = FindAtoms(lowered);
        var expressions = new List<TimeExpression>();
        TimeExpression? current = null;
        var previousEnd = 0;
        foreach (var atom in atoms)
        {
            var joined = current is not null
                && TimePhrasePatterns.Joiner().IsMatch(lowered.AsSpan(previousEnd, atom.Start - previousEnd))
                && current.TryAdd(atom);
            if (!joined)
            {
                current = TimeExpression.StartWith(atom);
                expressions.Add(current);
            }

            previousEnd = atom.End;
        }

        return expressions;
    }

    internal List<TimeAtom> FindAtoms(string lowered)
    {
        var found = new List<TimeAtom>();
        void Collect(Regex pattern, Func<Match, TimeAtom?> read)
        {
            foreach (Match match in pattern.Matches(lowered))
            {
                if (read(match) is { } atom)
                {
                    found.Add(atom);
                }
            }
        }

        Collect(TimePhrasePatterns.DayAfterTomorrow(), m => DayAtom(m, today => today.PlusDays(2)));
        Collect(TimePhrasePatterns.TomorrowWord(), m => DayAtom(m, today => today.PlusDays(1)));
        Collect(TimePhrasePatterns.Today(), m => DayAtom(m, today => today));
        Collect(TimePhrasePatterns.Tonight(), m => new TimeAtom { Start = m.Index, End = End(m), Day = today => today, Part = FollowUps.PartOfDay.Night });
        Collect(TimePhrasePatterns.LaterToday(), m => new TimeAtom { Start = m.Index, End = End(m), IsLaterToday = true });
        Collect(TimePhrasePatterns.Past(), ReadPast);
        Collect(TimePhrasePatterns.Weekday(), ReadWeekday);
        Collect(TimePhrasePatterns.NextWeekWeekday(), m => DayAtom(m, today => WeekdayOfNextWeek(today, ParseWeekday(m.Groups["day"].Value))));
        Collect(TimePhrasePatterns.NextWeek(), m => DayAtom(m, today => today.With(DateAdjusters.Next(IsoDayOfWeek.Monday))));
        Collect(TimePhrasePatterns.EndOfWeek(), m => DayAtom(m, today => EndOfWeek(today, m.Groups["next"].Success)) with { DayTime = new LocalTime(17, 0) });
        Collect(TimePhrasePatterns.EndOfMonth(), m => DayAtom(m, today => (m.Groups["next"].Success ? today.PlusMonths(1) : today).With(DateAdjusters.EndOfMonth)) with { DayTime = new LocalTime(17, 0) });
        Collect(TimePhrasePatterns.NextMonth(), m => DayAtom(m, today => today.PlusMonths(1).With(DateAdjusters.StartOfMonth)));
        Collect(TimePhrasePatterns.Weekend(), m => DayAtom(m, today => Weekend(today, m.Groups["next"].Success)));
        Collect(TimePhrasePatterns.MonthDay(), m => CalendarAtom(m, ParseMonth(m.Groups["month"].Value), Number(m, "d"), Year(m)));
        Collect(TimePhrasePatterns.DayMonth(), m => CalendarAtom(m, ParseMonth(m.Groups["month"].Value), Number(m, "d"), Year(m)));
        Collect(TimePhrasePatterns.NumericDate(), ReadNumericDate);
        Collect(TimePhrasePatterns.OrdinalDay(), ReadOrdinalDay);
        Collect(TimePhrasePatterns.InSpan(), m => SpanAtom(m, fromTomorrow: false));
        Collect(TimePhrasePatterns.SpanFrom(), m => SpanAtom(m, fromTomorrow: m.Groups["from"].Value is not ("now" or "today")));
        Collect(TimePhrasePatterns.ClockRange(), ReadClockRange);
        Collect(TimePhrasePatterns.ClockWithColon(), m => ClockAtom(m, Number(m, "h"), Number(m, "m")));
        Collect(TimePhrasePatterns.ClockWithMeridiem(), m => ClockAtom(m, Number(m, "h"), m.Groups["m"].Success ? Number(m, "m") : 0));
        Collect(TimePhrasePatterns.ClockAfterPreposition(), m => ClockAtom(m, Number(m, "h"), 0));
        Collect(TimePhrasePatterns.ClockInWords(), m => ClockAtom(m, CountWord(m.Groups["hw"].Value), 0));
        Collect(TimePhrasePatterns.OClock(), m => ClockAtom(m, Number(m, "h"), 0));
        Collect(TimePhrasePatterns.Noon(), m => FixedClock(m, m.Groups["after"].Success ? 13 : 12, Meridiem.TwentyFourHour));
        Collect(TimePhrasePatterns.EndOfDay(), m => FixedClock(m, 17, Meridiem.TwentyFourHour) with { ClockMeansToday = true });
        Collect(TimePhrasePatterns.FirstThing(), m => FixedClock(m, 9, Meridiem.TwentyFourHour));
        Collect(TimePhrasePatterns.PartOfDay(), ReadPartOfDay);

        // Leftmost wins; among atoms that start together, the longest.
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var kept = new List<TimeAtom>();
        var end = -1;
        foreach (var atom in found)
        {
            if (atom.Start >= end)
            {
                kept.Add(atom);
                end = atom.End;
            }
        }

        return kept;
    }

    private static int End(Match m) => m.Index + m.Length;

    private static TimeAtom DayAtom(Match m, Func<LocalDate, LocalDate?> day) => new() { Start = m.Index, End = End(m), Day = day };

    private static TimeAtom? ReadPast(Match m)
    {
        // Only "yesterday"-like words; what matters is that the day is before the day of receipt.
        var unit = m.Groups["unit"].Value;
        return DayAtom(m, today => unit.StartsWith("week", StringComparison.Ordinal) ? today.PlusWeeks(-1)
            : unit is "month" ? today.PlusMonths(-1)
            : unit is "year" ? today.PlusYears(-1)
            : today.PlusDays(-1));
    }

    private static TimeAtom? ReadWeekday(Match m)
    {
        var written = m.Groups["day"].Value;
        var modifier = m.Groups["mod"].Success ? m.Groups["mod"].Value : string.Empty;
        var day = ParseWeekday(written);

        // "sat", "sun", "wed" are also words: read them as days only after "on", "this", "next"...
        if (written.Length <= 3 && AbbreviatedWeekdays.Contains(written) && modifier.Length == 0)
        {
            return null;
        }

        if (m.Groups["nextweek"].Success)
        {
            return DayAtom(m, today => WeekdayOfNextWeek(today, day));
        }

        return modifier switch
        {
            "last" => DayAtom(m, today => today.With(DateAdjusters.Previous(day))),
            "next" or "nxt" => DayAtom(m, today => NextNamedWeekday(today, day)),
            "this" or "this coming" or "coming" => DayAtom(m, today => today.With(DateAdjusters.NextOrSame(day))),
            _ => DayAtom(m, today => today.With(DateAdjusters.Next(day))) with { IsWeekdayOnly = true },
        };
    }

    /// <summary>
    /// "Next Friday" is the Friday of next week (weeks start on Monday): said on a Wednesday it is nine
    /// days away, said on a Saturday six. "Friday" alone is the coming one.
    /// </summary>
    private static LocalDate NextNamedWeekday(LocalDate today, IsoDayOfWeek day)
    {
        var coming = today.With(DateAdjusters.Next(day));
        var endOfThisWeek = today.With(DateAdjusters.NextOrSame(IsoDayOfWeek.Sunday));
        return coming <= endOfThisWeek ? coming.PlusWeeks(1) : coming;
    }

    private static LocalDate WeekdayOfNextWeek(LocalDate today, IsoDayOfWeek day) =>
        today.With(DateAdjusters.Next(IsoDayOfWeek.Monday)).PlusDays((int)day - (int)IsoDayOfWeek.Monday);

    /// <summary>The Friday of this week (of next week for "end of next week"); on a weekend, the coming Friday.</summary>
    private static LocalDate EndOfWeek(LocalDate today, bool nextWeek)
    {
        var friday = today.With(DateAdjusters.NextOrSame(IsoDayOfWeek.Friday));
        return nextWeek ? friday.PlusWeeks(1) : friday;
    }

    /// <summary>The coming Saturday; on a Saturday, Sunday; "next weekend" is a week after that.</summary>
    private static LocalDate Weekend(LocalDate today, bool next)
    {
        var day = today.DayOfWeek == IsoDayOfWeek.Saturday ? today.PlusDays(1) : today.With(DateAdjusters.Next(IsoDayOfWeek.Saturday));
        return next ? day.PlusWeeks(1) : day;
    }

    private static TimeAtom? CalendarAtom(Match m, int month, int day, int? year)
    {
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return null;
        }

        return DayAtom(m, today => CalendarDate(today, month, day, year));
    }

    /// <summary>A month and day without a year is the next one on or after today.</summary>
    private static LocalDate? CalendarDate(LocalDate today, int month, int day, int? year)
    {
        if (year is { } y)
        {
            return TryDate(y, month, day);
        }

        var thisYear = TryDate(today.Year, month, day);
        return thisYear is { } date && date >= today ? date : TryDate(today.Year + 1, month, day);
    }

    private TimeAtom? ReadNumericDate(Match m)
    {
        var a = Number(m, "a");
        var b = Number(m, "b");
        if ((a, b) is (24, 7) or (7, 24))
        {
            return null;
        }

        var (month, day) = _dateOrder == NumericDateOrder.MonthFirst ? (a, b) : (b, a);
        int? year = m.Groups["y"].Success ? Number(m, "y") : null;
        if (year is < 100)
        {
            year += 2000;
        }

        return CalendarAtom(m, month, day, year);
    }

    /// <summary>"The 5th": this month when it is still ahead, else the next month that has that day.</summary>
    private static TimeAtom? ReadOrdinalDay(Match m)
    {
        var day = Number(m, "d");
        if (day is < 1 or > 31)
        {
            return null;
        }

        return DayAtom(m, today =>
        {
            for (var months = 0; months < 3; months++)
            {
                var month = today.PlusMonths(months);
                if (TryDate(month.Year, month.Month, day) is { } date && date >= today)
                {
                    return date;
                }
            }

            return null;
        });
    }

    private static TimeAtom? SpanAtom(Match m, bool fromTomorrow)
    {
        var count = m.Groups["n"].Value;
        var unit = m.Groups["unit"].Value;
        var half = count.StartsWith("half", StringComparison.Ordinal);
        var n = half ? 0 : CountWord(count);
        if (!half && n is < 1 or > 365)
        {
            return null;
        }

        Period? period = unit switch
        {
            _ when unit.StartsWith("min", StringComparison.Ordinal) => half ? Period.FromSeconds(30) : Period.FromMinutes(n),
            _ when unit.StartsWith('h') => half ? Period.FromMinutes(30) : Period.FromHours(n),
            _ when unit.StartsWith('d') => half ? Period.FromHours(12) : Period.FromDays(n),
            _ when unit.StartsWith('w') => half ? Period.FromDays(3) : Period.FromWeeks(n),
            _ when unit.StartsWith("mo", StringComparison.Ordinal) => half ? Period.FromWeeks(2) : Period.FromMonths(n),
            _ => null,
        };
        if (period is null)
        {
            return null;
        }

        if (fromTomorrow)
        {
            period += Period.FromDays(1);
        }

        return new TimeAtom { Start = m.Index, End = End(m), Elapsed = period };
    }

    private static TimeAtom? ReadClockRange(Match m)
    {
        // "2-4pm" starts at 2pm; "11-1pm" starts at 11am.
        var start = Number(m, "h");
        var end = Number(m, "h2");
        if (start is < 1 or > 12 || end is < 1 or > 12)
        {
            return null;
        }

        var endMeridiem = ReadMeridiem(m);
        var startMeridiem = start > end && start != 12 ? Flip(endMeridiem) : endMeridiem;
        return new TimeAtom { Start = m.Index, End = End(m), Clock = new ClockTime(start, 0, startMeridiem) };
    }

    private static Meridiem Flip(Meridiem meridiem) => meridiem == Meridiem.Pm ? Meridiem.Am : Meridiem.Pm;

    private static TimeAtom? ClockAtom(Match m, int hour, int minute)
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

        return new TimeAtom { Start = m.Index, End = End(m), Clock = new ClockTime(hour, minute, meridiem) };
    }

    private static TimeAtom FixedClock(Match m, int hour, Meridiem meridiem) =>
        new() { Start = m.Index, End = End(m), Clock = new ClockTime(hour, 0, meridiem) };

    private static Meridiem ReadMeridiem(Match m)
    {
        if (!m.Groups["mer"].Success)
        {
            return Meridiem.Unknown;
        }

        return m.Groups["mer"].Value.StartsWith('a') ? Meridiem.Am : Meridiem.Pm;
    }

    private static TimeAtom ReadPartOfDay(Match m)
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
            End = End(m),
            Part = part,
            Day = isThis ? today => today : null,
        };
    }

    private static LocalDate? TryDate(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month)
            ? new LocalDate(year, month, day)
            : null;

    private static int Number(Match m, string group) => int.Parse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int? Year(Match m) => m.Groups["y"].Success ? Number(m, "y") : null;

    private static int CountWord(string word) => word switch
    {
        "a" or "an" or "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ when word.Contains("couple", StringComparison.Ordinal) => 2,
        _ when word.Contains("few", StringComparison.Ordinal) => 3,
        _ => int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0,
    };

    private static int ParseMonth(string month) => month[..3] switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => 0,
    };

    private static IsoDayOfWeek ParseWeekday(string day) => day[..2] switch
    {
        "mo" => IsoDayOfWeek.Monday,
        "tu" => IsoDayOfWeek.Tuesday,
        "we" => IsoDayOfWeek.Wednesday,
        "th" => IsoDayOfWeek.Thursday,
        "fr" => IsoDayOfWeek.Friday,
        "sa" => IsoDayOfWeek.Saturday,
        _ => IsoDayOfWeek.Sunday,
    };
}
