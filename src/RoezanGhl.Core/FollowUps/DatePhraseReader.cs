using System.Text.RegularExpressions;
using NodaTime;

namespace RoezanGhl.Core.FollowUps;

/// <summary>
/// Reads the day a matched phrase names (<see cref="TimePhrasePatterns"/>): today and tomorrow, weekdays with
/// this/next/last, weeks, weekends, month ends, calendar dates written in words or numbers, "the 5th", and spans
/// ("in 2 weeks"). Each atom keeps the day as a function of the day of receipt; the resolver applies it.
/// </summary>
internal static class DatePhraseReader
{
    private static readonly string[] AbbreviatedWeekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static TimeAtom DayAtom(Match m, Func<LocalDate, LocalDate?> day) => new() { Start = m.Index, End = TimeWords.End(m), Day = day };

    public static TimeAtom? ReadPast(Match m)
    {
        // Only "yesterday"-like words; what matters is that the day is before the day of receipt.
        var unit = m.Groups["unit"].Value;
        return DayAtom(m, today => unit.StartsWith("week", StringComparison.Ordinal) ? today.PlusWeeks(-1)
            : unit is "month" ? today.PlusMonths(-1)
            : unit is "year" ? today.PlusYears(-1)
            : today.PlusDays(-1));
    }

    public static TimeAtom? ReadWeekday(Match m)
    {
        var written = m.Groups["day"].Value;
        var modifier = m.Groups["mod"].Success ? m.Groups["mod"].Value : string.Empty;
        var day = TimeWords.ParseWeekday(written);

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

    public static LocalDate WeekdayOfNextWeek(LocalDate today, IsoDayOfWeek day) =>
        today.With(DateAdjusters.Next(IsoDayOfWeek.Monday)).PlusDays((int)day - (int)IsoDayOfWeek.Monday);

    /// <summary>The Friday of this week (of next week for "end of next week"); on a weekend, the coming Friday.</summary>
    public static LocalDate EndOfWeek(LocalDate today, bool nextWeek)
    {
        var friday = today.With(DateAdjusters.NextOrSame(IsoDayOfWeek.Friday));
        return nextWeek ? friday.PlusWeeks(1) : friday;
    }

    /// <summary>The coming Saturday; on a Saturday, Sunday; "next weekend" is a week after that.</summary>
    public static LocalDate Weekend(LocalDate today, bool next)
    {
        var day = today.DayOfWeek == IsoDayOfWeek.Saturday ? today.PlusDays(1) : today.With(DateAdjusters.Next(IsoDayOfWeek.Saturday));
        return next ? day.PlusWeeks(1) : day;
    }

    public static TimeAtom? CalendarAtom(Match m, int month, int day, int? year)
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

    public static TimeAtom? ReadNumericDate(Match m, NumericDateOrder dateOrder)
    {
        var a = TimeWords.Number(m, "a");
        var b = TimeWords.Number(m, "b");
        if ((a, b) is (24, 7) or (7, 24))
        {
            return null;
        }

        var (month, day) = dateOrder == NumericDateOrder.MonthFirst ? (a, b) : (b, a);
        int? year = m.Groups["y"].Success ? TimeWords.Number(m, "y") : null;
        if (year is < 100)
        {
            year += 2000;
        }

        return CalendarAtom(m, month, day, year);
    }

    /// <summary>"The 5th": this month when it is still ahead, else the next month that has that day.</summary>
    public static TimeAtom? ReadOrdinalDay(Match m)
    {
        var day = TimeWords.Number(m, "d");
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

    public static TimeAtom? SpanAtom(Match m, bool fromTomorrow)
    {
        var count = m.Groups["n"].Value;
        var unit = m.Groups["unit"].Value;
        var half = count.StartsWith("half", StringComparison.Ordinal);
        var n = half ? 0 : TimeWords.CountWord(count);
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

        return new TimeAtom { Start = m.Index, End = TimeWords.End(m), Elapsed = period };
    }

    private static LocalDate? TryDate(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month)
            ? new LocalDate(year, month, day)
            : null;
}
