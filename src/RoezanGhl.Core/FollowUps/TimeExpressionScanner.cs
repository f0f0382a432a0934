using System.Text.RegularExpressions;
using NodaTime;
using static RoezanGhl.Core.FollowUps.ClockPhraseReader;
using static RoezanGhl.Core.FollowUps.DatePhraseReader;
using static RoezanGhl.Core.FollowUps.TimeWords;

namespace RoezanGhl.Core.FollowUps;

/// <summary>
/// Finds the time expressions in a lower-cased message: every pattern family yields atoms, the
/// leftmost-longest atoms win where they overlap, and atoms separated only by joiner words
/// ("at", "on", ",") combine into one expression. What each family's match means is read by
/// <see cref="DatePhraseReader"/> (days) and <see cref="ClockPhraseReader"/> (times of day).
/// </summary>
internal sealed class TimeExpressionScanner
{
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
        Collect(TimePhrasePatterns.NumericDate(), m => ReadNumericDate(m, _dateOrder));
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
}
