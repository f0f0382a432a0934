using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace RoezanGhl.Core.Automations.Timing;

/// <summary>
/// A delay or lead written as <c>1d</c>, <c>24h</c>, <c>90m</c> or <c>1d2h30m</c>. Days are calendar days in the
/// account's zone (the same wall-clock time on another day, whatever DST does in between); hours and minutes are
/// elapsed time. So <c>1d</c> before a 10:00 appointment is 10:00 the day before, and <c>24h</c> is exactly 24 hours.
/// </summary>
public sealed partial record TimingOffset(int Days, Duration Elapsed)
{
    /// <summary>The pattern of the text form (also in account-mapping.schema.json).</summary>
    public const string Pattern = "^(?=\\d)(?:(\\d{1,3})d)?(?:(\\d{1,4})h)?(?:(\\d{1,6})m)?$";

    /// <summary>The longest offset accepted: 90 days.</summary>
    public static readonly Duration Max = Duration.FromDays(90);

    public static readonly TimingOffset Zero = new(0, Duration.Zero);

    /// <summary>Reads the text form; false for anything else, or for more than <see cref="Max"/>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TimingOffset? offset)
    {
        offset = null;
        var match = text is null ? Match.Empty : Syntax().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var days = Number(match.Groups[1]);
        var elapsed = Duration.FromHours(Number(match.Groups[2])) + Duration.FromMinutes(Number(match.Groups[3]));
        if (Duration.FromDays(days) + elapsed > Max)
        {
            return false;
        }

        offset = new TimingOffset(days, elapsed);
        return true;
    }

    /// <summary>The moment this long after <paramref name="from"/>.</summary>
    public Instant After(Instant from, DateTimeZone zone) => Shift(from, zone, 1);

    /// <summary>The moment this long before <paramref name="from"/>.</summary>
    public Instant Before(Instant from, DateTimeZone zone) => Shift(from, zone, -1);

    public override string ToString()
    {
        var hours = (long)Elapsed.TotalHours;
        var minutes = Elapsed.Minutes;
        var text = (Days > 0 ? $"{Days}d" : string.Empty) + (hours > 0 ? $"{hours}h" : string.Empty) + (minutes > 0 ? $"{minutes}m" : string.Empty);
        return text.Length == 0 ? "0m" : text;
    }

    private Instant Shift(Instant from, DateTimeZone zone, int sign)
    {
        var moved = Days == 0 ? from : LocalTimeResolver.Resolve(from.InZone(zone).LocalDateTime.PlusDays(sign * Days), zone);
        return moved + (sign * Elapsed);
    }

    private static int Number(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Syntax();
}
