namespace RoezanGhl.Core.FollowUps;

/// <summary>Choices that differ per account: the default hour, how "12/5" reads, the title length.</summary>
public sealed record FollowUpDetectionOptions
{
    /// <summary>The time given to a day named without one ("call me Friday"). 09:00 unless set.</summary>
    public TimeOnly DefaultTime { get; init; } = new(9, 0);

    /// <summary>How an all-digit date reads; see <see cref="DateOrderForRegion"/>.</summary>
    public NumericDateOrder DateOrder { get; init; } = NumericDateOrder.MonthFirst;

    /// <summary>Longest task title, "Follow up: " included. Longer titles are cut at a word and end with "…".</summary>
    public int TitleMaxLength { get; init; } = 80;

    /// <summary>The default options (09:00, month first, 80 characters).</summary>
    public static FollowUpDetectionOptions Default { get; } = new();

    // Regions that write the month first in all-digit dates; everywhere else the day comes first.
    private static readonly HashSet<string> MonthFirstRegions = new(StringComparer.OrdinalIgnoreCase) { "US", "PR", "GU", "VI", "AS", "MP", "UM", "PH", "FM", "MH", "PW", "BZ" };

    /// <summary>The all-digit date order used in an ISO 3166 region (the account's DefaultPhoneRegion).</summary>
    public static NumericDateOrder DateOrderForRegion(string isoRegion) =>
        MonthFirstRegions.Contains(isoRegion ?? string.Empty) ? NumericDateOrder.MonthFirst : NumericDateOrder.DayFirst;
}
