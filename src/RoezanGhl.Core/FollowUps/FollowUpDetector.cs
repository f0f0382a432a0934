using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.TimeZones;

namespace RoezanGhl.Core.FollowUps;

/// <summary>
/// Reads an English SMS and says whether it asks for (or promises) a follow-up, and when: "call me
/// tomorrow at 3pm" sent on Tuesday becomes a task due Wednesday 15:00 in the account's time zone.
/// </summary>
/// <remarks>
/// A follow-up needs a cue (a request or promise of contact, or "remind me") that nothing cancels,
/// and a time expression in the cue's sentence (after the cue first, then before it) or at the
/// start of the sentence next to it. A plain "remind me ..." with no time is due the next day at the
/// default hour. Times resolve against the moment of receipt, never the clock: an explicit time
/// already past today ("today at 9am" sent at 10am), or any past day, gives no follow-up. Carrier
/// opt-out keywords (STOP, UNSUBSCRIBE) never give one. The detector is pure and thread-safe.
/// </remarks>
public sealed partial class FollowUpDetector
{
    private const string TitlePrefix = "Follow up: ";
    private const int NeighbourSentenceLead = 12;

    private readonly FollowUpDetectionOptions _options;
    private readonly TimeExpressionScanner _scanner;

    public FollowUpDetector(FollowUpDetectionOptions? options = null)
    {
        _options = options ?? FollowUpDetectionOptions.Default;
        if (_options.TitleMaxLength < TitlePrefix.Length + 10)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.TitleMaxLength, $"TitleMaxLength must be at least {TitlePrefix.Length + 10}.");
        }

        _scanner = new TimeExpressionScanner(_options.DateOrder);
    }

    /// <summary>The follow-up in <paramref name="messageBody"/>, or null when it asks for none.</summary>
    /// <param name="messageBody">The SMS text as received.</param>
    /// <param name="receivedAt">When the message was received; relative times count from here.</param>
    /// <param name="zone">The account's time zone.</param>
    public FollowUp? Detect(string messageBody, DateTimeOffset receivedAt, TimeZoneInfo zone) =>
        Detect(messageBody, receivedAt, AccountTimeZones.FromTimeZoneInfo(zone));

    /// <inheritdoc cref="Detect(string, DateTimeOffset, TimeZoneInfo)"/>
    public FollowUp? Detect(string messageBody, DateTimeOffset receivedAt, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (string.IsNullOrWhiteSpace(messageBody))
        {
            return null;
        }

        // Lower-casing keeps every position, so matches map straight back to the original text.
        var lowered = messageBody.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\'');
        if (IntentScanner.IsOptOut(lowered))
        {
            return null;
        }

        var sentences = IntentScanner.Sentences(lowered);
        var cues = IntentScanner.Cues(lowered, sentences);
        if (cues.Count == 0)
        {
            return null;
        }

        var expressions = _scanner.Scan(lowered);
        var received = Instant.FromDateTimeOffset(receivedAt).InZone(zone);
        var defaultTime = LocalTime.FromTimeOnly(_options.DefaultTime);
        IntentCue? timelessReminder = null;
        foreach (var cue in cues)
        {
            var candidates = Candidates(cue, expressions, sentences, lowered).ToList();
            foreach (var expression in candidates)
            {
                var resolution = TimeExpressionResolver.Resolve(expression, received, defaultTime);
                if (resolution.Outcome == DueOutcome.Resolved)
                {
                    var sentence = sentences.First(s => s.Contains(expression.Start));
                    return Build(messageBody, cue, resolution.Due, new TextSpan(expression.Start, expression.End), sentence);
                }
            }

            if (cue.IsReminder && candidates.Count == 0)
            {
                timelessReminder ??= cue;
            }
        }

        if (timelessReminder is not null)
        {
            var due = (received.Date.PlusDays(1) + defaultTime).InZone(zone, Resolvers.LenientResolver);
            return Build(messageBody, timelessReminder, due, timePhrase: null, timelessReminder.Sentence);
        }

        return null;
    }

    /// <summary>The expressions that may belong to a cue, best first.</summary>
    private static IEnumerable<TimeExpression> Candidates(IntentCue cue, IReadOnlyList<TimeExpression> expressions, IReadOnlyList<TextSpan> sentences, string lowered)
    {
        var sentence = cue.Sentence;
        var inSentence = expressions.Where(e => sentence.Contains(e.Start)).ToList();
        foreach (var after in inSentence.Where(e => e.Start >= cue.Start).OrderBy(e => e.Start))
        {
            yield return after;
        }

        foreach (var before in inSentence.Where(e => e.Start < cue.Start).OrderByDescending(e => e.Start))
        {
            yield return before;
        }

        if (inSentence.Count > 0)
        {
            yield break;
        }

        // "Can you call me? Tomorrow at 3 works." — a time that opens the next (or previous) sentence.
        var index = IndexOf(sentences, sentence);
        foreach (var neighbour in new[] { index + 1, index - 1 })
        {
            if (neighbour < 0 || neighbour >= sentences.Count)
            {
                continue;
            }

            var span = sentences[neighbour];
            var opening = expressions.FirstOrDefault(e => span.Contains(e.Start));
            if (opening is not null && lowered[span.Start..opening.Start].Trim().Length <= NeighbourSentenceLead)
            {
                yield return opening;
            }
        }
    }

    private static int IndexOf(IReadOnlyList<TextSpan> sentences, TextSpan sentence)
    {
        for (var i = 0; i < sentences.Count; i++)
        {
            if (sentences[i] == sentence)
            {
                return i;
            }
        }

        return -1;
    }

    private FollowUp Build(string body, IntentCue cue, ZonedDateTime due, TextSpan? timePhrase, TextSpan timeSentence)
    {
        var start = Math.Min(cue.Sentence.Start, timeSentence.Start);
        var end = Math.Max(cue.Sentence.End, timeSentence.End);
        var timeText = timePhrase is { } phrase ? body[phrase.Start..phrase.End].Trim() : string.Empty;
        return new FollowUp(
            Title: Title(body[start..end]),
            DueDate: due.ToDateTimeOffset(),
            Body: body,
            TimePhrase: timeText,
            IntentPhrase: body[cue.Start..cue.End]);
    }

    private string Title(string sentence)
    {
        var text = Whitespace().Replace(sentence, " ").Trim();
        var withoutFiller = IntentPatterns.LeadingFiller().Replace(text, string.Empty).Trim();
        if (withoutFiller.Length > 0)
        {
            text = withoutFiller;
        }

        text = text.TrimEnd(' ', '.', ',', ';', ':', '!');
        var room = _options.TitleMaxLength - TitlePrefix.Length;
        if (text.Length > room)
        {
            var cut = text.LastIndexOf(' ', room - 1);
            text = string.Concat(text[..(cut > room / 2 ? cut : room - 1)].TrimEnd(' ', ',', ';', ':', '-'), "…");
        }

        return TitlePrefix + text;
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
