using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace RoezanGhl.Core.FollowUps;

/// <summary>The numbers and names inside time phrases: digits and count words ("a couple"), months and weekdays by their first letters.</summary>
internal static class TimeWords
{
    /// <summary>Where the match ends in the message.</summary>
    public static int End(Match m) => m.Index + m.Length;

    public static int Number(Match m, string group) => int.Parse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    public static int? Year(Match m) => m.Groups["y"].Success ? Number(m, "y") : null;

    public static int CountWord(string word) => word switch
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

    public static int ParseMonth(string month) => month[..3] switch
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

    public static IsoDayOfWeek ParseWeekday(string day) => day[..2] switch
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
