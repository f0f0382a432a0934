using System.Text.RegularExpressions;

namespace RoezanGhl.Core.FollowUps;

/// <summary>
/// Splits a lower-cased message into sentences and finds the follow-up cues that nothing cancels:
/// a cue is cancelled by a negation among the three words before it ("no need to remind me",
/// "don't call me", "why did you call me") or by a dismissal anywhere in its sentence ("not needed").
/// </summary>
internal static class IntentScanner
{
    private const int NegationWindowWords = 3;

    public static bool IsOptOut(string lowered) => IntentPatterns.OptOut().IsMatch(lowered);

    public static IReadOnlyList<TextSpan> Sentences(string lowered)
    {
        var sentences = new List<TextSpan>();
        var start = 0;
        foreach (Match end in IntentPatterns.SentenceEnd().Matches(lowered))
        {
            var stop = end.Index + end.Length;
            if (stop > start)
            {
                sentences.Add(new TextSpan(start, stop));
            }

            start = stop;
        }

        if (start < lowered.Length)
        {
            sentences.Add(new TextSpan(start, lowered.Length));
        }

        return sentences;
    }

    public static IReadOnlyList<IntentCue> Cues(string lowered, IReadOnlyList<TextSpan> sentences)
    {
        var cues = new List<IntentCue>();

        // Cancelled cues still claim their words, so "don't call me" cannot be re-read as "call me" by another family.
        var claimed = new List<TextSpan>();
        void Collect(Regex pattern, bool isReminder)
        {
            foreach (Match match in pattern.Matches(lowered))
            {
                var end = match.Index + match.Length;
                if (claimed.Any(c => match.Index < c.End && c.Start < end))
                {
                    continue;
                }

                claimed.Add(new TextSpan(match.Index, end));
                var sentence = sentences.First(s => s.Contains(match.Index));
                if (!IsCancelled(lowered, sentence, match.Index))
                {
                    cues.Add(new IntentCue(match.Index, end, sentence, isReminder));
                }
            }
        }

        Collect(IntentPatterns.Reminder(), isReminder: true);
        Collect(IntentPatterns.PoliteRequest(), isReminder: false);
        Collect(IntentPatterns.ContactRequest(), isReminder: false);
        Collect(IntentPatterns.Conversation(), isReminder: false);
        Collect(IntentPatterns.Promise(), isReminder: false);
        cues.Sort((a, b) => a.Start.CompareTo(b.Start));
        return cues;
    }

    private static bool IsCancelled(string lowered, TextSpan sentence, int cueStart)
    {
        if (IntentPatterns.Dismissal().IsMatch(lowered.AsSpan(sentence.Start, sentence.End - sentence.Start)))
        {
            return true;
        }

        // The clause before the cue (after the last comma), its last few words.
        var before = lowered[sentence.Start..cueStart];
        var clauseStart = before.LastIndexOfAny([',', ';', ':']);
        var clause = clauseStart >= 0 ? before[(clauseStart + 1)..] : before;
        var words = clause.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var window = string.Join(' ', words.Skip(Math.Max(0, words.Length - NegationWindowWords)));
        return window.Length > 0 && IntentPatterns.NegationBefore().IsMatch(window);
    }
}
