using System.Text.RegularExpressions;

namespace RoezanGhl.Core.FollowUps;

/// <summary>
/// The regular expressions of each time-phrase family. They run on the lower-cased message (same
/// length as the original, so positions map back), and each names the parts the scanner reads.
/// Typos seen in real SMS ("tmrw", "2moro", "tonite", "wensday") are spelled out rather than fuzzy-matched
/// so that a new spelling is a reviewed one-line change.
/// </summary>
internal static partial class TimePhrasePatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // A number may not continue a price, a phone number, an order number, a date or a decimal.
    private const string NumberStart = @"(?<![\d$#£€.,:/-])";

    private const string Tomorrow = "tomorrow|tomorow|tommorow|tommorrow|tomorro|tomorrw|tmrw|tmrrw|tmrow|tmr|tmw|tmro|2morrow|2morow|2moro|2mrw|2mro|tomoz";

    private const string Weekdays = "monday|mon|tuesday|tusday|tues|tue|wednesday|wednsday|wensday|wendsday|weds|wed|thursday|thrusday|thurs|thur|thu|friday|fryday|fri|saturday|saterday|sat|sunday|sun";

    private const string Months = @"january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec";

    private const string CountWords = @"\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|few|a\s+couple(?:\s+of)?|couple(?:\s+of)?|half\s+an?";

    private const string Meridiem = @"(?:\s*(?<mer>a\.?m\.?|p\.?m\.?)(?![a-z])|(?<mer>[ap])(?![a-z]))";

    private const string ClockPreposition = @"(?:\b(?:at|around|about|by|after|before|till|until|between|from|say|approx|round)\s*|@\s*)";

    // What may follow a bare "at 3" without it being a count of something ("at 3 items", "by 2 days").
    private const string NotACount = @"(?![\d:/%$]|\.\d|\s*(?:-|to)\s*\d)(?!\s*(?:days?|weeks?|wks?|hours?|hrs?|mins?|minutes?|months?|years?|yrs?|items?|people|ppl|pcs|pieces|units|dollars|bucks|percent|of|or\s+more|k|x|th|st|nd|rd|times?|stars?)\b)";

    [GeneratedRegex($@"\b(?:the\s+)?day\s+after\s+(?:{Tomorrow})\b", Options)]
    public static partial Regex DayAfterTomorrow();

    [GeneratedRegex($@"\b(?:{Tomorrow})\b", Options)]
    public static partial Regex TomorrowWord();

    [GeneratedRegex(@"\b(?:today|tdy|2day|todays)\b", Options)]
    public static partial Regex Today();

    [GeneratedRegex(@"\b(?:later\s+)?(?:tonight|tonite|2nite|2night|tonigh|tonght|2nyt)\b", Options)]
    public static partial Regex Tonight();

    [GeneratedRegex(@"\blater\s+(?:on\s+)?today\b|\blater\s+on\b(?!\s+(?:in|this|next))", Options)]
    public static partial Regex LaterToday();

    [GeneratedRegex(@"\b(?:yesterday|yday|yesterdy|ystrdy)\b|\blast\s+(?<unit>night|week|month|year|time)\b|\b(?:the\s+)?(?:day|week|month)\s+before\b|\b\d{1,3}\s+(?<unit>days?|weeks?)\s+ago\b|\ba\s+(?<unit>day|week|month)\s+ago\b", Options)]
    public static partial Regex Past();

    [GeneratedRegex($@"\b(?:(?<mod>this\s+coming|this|next|nxt|coming|last|on|by|until|till|before)\s+)?(?<day>{Weekdays})s?\b(?<nextweek>\s+(?:of\s+)?next\s+(?:week|wk))?", Options)]
    public static partial Regex Weekday();

    [GeneratedRegex($@"\b(?:next|nxt)\s+(?:week|wk)\s+(?:on\s+)?(?<day>{Weekdays})\b", Options)]
    public static partial Regex NextWeekWeekday();

    [GeneratedRegex(@"\b(?:sometime\s+|early\s+|beginning\s+of\s+|start\s+of\s+|first\s+thing\s+)?(?:next|nxt)\s+(?:week|wk)\b", Options)]
    public static partial Regex NextWeek();

    [GeneratedRegex(@"\b(?:by\s+)?(?:the\s+)?(?:end\s+of\s+(?:the\s+|this\s+)?(?<next>next\s+)?(?:week|wk)|eow|(?<next>next\s+)?week'?s\s+end)\b", Options)]
    public static partial Regex EndOfWeek();

    [GeneratedRegex(@"\b(?:by\s+)?(?:the\s+)?(?:end\s+of\s+(?:the\s+|this\s+)?(?<next>next\s+)?month|eom|month\s*-?\s*end)\b", Options)]
    public static partial Regex EndOfMonth();

    [GeneratedRegex(@"\b(?:early\s+|beginning\s+of\s+|start\s+of\s+)?(?:next|nxt)\s+month\b", Options)]
    public static partial Regex NextMonth();

    [GeneratedRegex(@"\b(?:(?<next>next)\s+|this\s+|the\s+|over\s+the\s+|on\s+the\s+)?weekend\b", Options)]
    public static partial Regex Weekend();

    [GeneratedRegex($@"\b(?:(?:on|by)\s+)?(?:the\s+)?(?<month>{Months})\.?\s*(?:the\s+)?(?<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s*(?<y>20\d\d))?(?![\d%/])(?!:\d)(?!\s*(?:am|pm|a\.m|p\.m)\b)", Options)]
    public static partial Regex MonthDay();

    [GeneratedRegex($@"\b(?:(?:on|by)\s+)?(?:the\s+)?(?<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>{Months})\b\.?(?:,?\s*(?<y>20\d\d))?", Options)]
    public static partial Regex DayMonth();

    [GeneratedRegex($@"(?:\b(?:on|by)\s+)?{NumberStart}(?<a>\d{{1,2}})/(?<b>\d{{1,2}})(?:/(?<y>\d{{4}}|\d{{2}}))?(?![\d/%])", Options)]
    public static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?:(?:on|by)\s+)?the\s+(?<d>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:time|floor|row|place|item|one|caller))", Options)]
    public static partial Regex OrdinalDay();

    [GeneratedRegex($@"\b(?:in|within)\s+(?:about\s+|around\s+|like\s+|another\s+|approx\.?\s+|roughly\s+|maybe\s+|just\s+)?(?<n>{CountWords})(?:\s*(?:-|to|or)\s*(?:\d{{1,3}}|two|three|four|five|six))?\s*(?<unit>min|mins|minutes?|hrs?|hours?|days?|wks?|weeks?|months?|mos)\b", Options)]
    public static partial Regex InSpan();

    [GeneratedRegex($@"\b(?<n>{CountWords})\s+(?<unit>hrs?|hours?|days?|wks?|weeks?|months?)\s+from\s+(?<from>now|today|{Tomorrow})\b", Options)]
    public static partial Regex SpanFrom();

    [GeneratedRegex($@"{ClockPreposition}?{NumberStart}(?<h>\d{{1,2}})\s*(?:-|–|to)\s*(?<h2>\d{{1,2}})(?::[0-5]\d)?{Meridiem}", Options)]
    public static partial Regex ClockRange();

    [GeneratedRegex($@"{ClockPreposition}?{NumberStart}(?<h>\d{{1,2}}):(?<m>[0-5]\d)(?!\d){Meridiem}?", Options)]
    public static partial Regex ClockWithColon();

    [GeneratedRegex($@"{ClockPreposition}?{NumberStart}(?<h>\d{{1,2}})(?:\.(?<m>[0-5]\d))?{Meridiem}", Options)]
    public static partial Regex ClockWithMeridiem();

    [GeneratedRegex($@"{ClockPreposition}{NumberStart}(?<h>\d{{1,2}})(?:\s*o'?\s?clock|\s*-?ish)?{NotACount}", Options)]
    public static partial Regex ClockAfterPreposition();

    [GeneratedRegex(@"(?:\b(?:at|around|about|by)\s+)?\b(?<hw>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:o'?\s?clock\b|(?<mer>am|pm)\b|-?ish\b)", Options)]
    public static partial Regex ClockInWords();

    [GeneratedRegex(@"\b(?:at|around|about|by)\s+(?<h>\d{1,2})\s*o'?\s?clock\b|(?<![\d$#£€.,:/-])(?<h>\d{1,2})\s*o'?\s?clock\b", Options)]
    public static partial Regex OClock();

    [GeneratedRegex(@"\b(?:(?<after>after)|at|around|by|before|over|during|for)\s+lunch(?:\s*time)?\b|\b(?:at\s+|around\s+|by\s+|before\s+)?(?:12\s*)?(?:noon|midday|mid-day|lunchtime|lunch\s+time)\b", Options)]
    public static partial Regex Noon();

    [GeneratedRegex(@"\b(?:by\s+)?(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?:business\s+)?day|eod|cob|close\s+of\s+business)\b", Options)]
    public static partial Regex EndOfDay();

    [GeneratedRegex(@"\bfirst\s+thing(?:\s+in\s+the\s+(?:morning|am))?\b", Options)]
    public static partial Regex FirstThing();

    [GeneratedRegex(@"(?<!\bgood\s)(?<!\bevery\s)\b(?:(?<this>this)\s+|(?:in|during)\s+the\s+|early\s+|late\s+)?(?<part>morning|mornin|morn|afternoon|aftrnoon|afternon|arvo|evening|evenin|night|nite)\b|\bafter\s+(?<part>work)\b", Options)]
    public static partial Regex PartOfDay();

    /// <summary>What may stand between two atoms of one expression: "tomorrow, at 3", "Friday - in the morning".</summary>
    [GeneratedRegex(@"^(?:[\s,\-]|\b(?:at|on|in|the|by|around|about|of|say|maybe|like|sometime|anytime|any\s+time|or\s+so|ish|ok|please|pls)\b)*$", Options)]
    public static partial Regex Joiner();
}
