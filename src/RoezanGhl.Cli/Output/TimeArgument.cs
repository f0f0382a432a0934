using System.Globalization;

namespace RoezanGhl.Cli.Output;

/// <summary>
/// Reads <c>--since</c>: an ISO 8601 time (<c>2026-11-24T10:00:00Z</c>, <c>2026-11-24</c>) or a span back from
/// now (<c>30m</c>, <c>2h</c>, <c>7d</c>). A time without an offset is UTC.
/// </summary>
internal static class TimeArgument
{
    public static DateTimeOffset ParseSince(string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (value.Length >= 2 && char.IsAsciiDigit(value[0]) && value[^1] is 'm' or 'h' or 'd' or 's'
            && double.TryParse(value[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            return now - (value[^1] switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            });
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        throw new CliException($"--since '{text}' is neither a time (2026-11-24T10:00:00Z) nor a span back from now (30m, 2h, 7d)", 2);
    }

    public static string Format(DateTimeOffset? time) =>
        time is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";
}
