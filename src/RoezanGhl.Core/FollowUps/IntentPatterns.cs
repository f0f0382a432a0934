using System.Text.RegularExpressions;

namespace RoezanGhl.Core.FollowUps;

/// <summary>
/// What makes a message a follow-up rather than a statement with a date in it: a request for contact
/// or a reminder ("call me", "remind me", "can we talk"), or a promise of one ("I'll call you"); and what
/// cancels it ("don't", "no need to", opt-out keywords).
/// </summary>
internal static partial class IntentPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string ContactVerb = @"call|phone|ring|text|txt|msg|message|email|e-mail|dm|ping|contact|reach|buzz|hit";

    private const string You = @"(?:you|u|ya|yall|y'all)";

    [GeneratedRegex(@"\bremind\s+(?:me|us)\b|\bremindme\b|\b(?:pls|please|plz|can\s+you|could\s+you|u\s+can|you\s+can)\s+remind\b|\b(?:set|send|give|schedule)\s+(?:me\s+|us\s+)?(?:a|up\s+a)\s+reminder\b", Options)]
    public static partial Regex Reminder();

    [GeneratedRegex($@"\b(?:(?:{ContactVerb})\s+(?:me|us)(?:\s+(?:back|up))?|(?:give|gimme|get)\s+(?:me\s+|us\s+)?(?:a\s+)?(?:call|ring|shout|buzz|holler|text)|(?:call|text|ring|email|txt)\s+(?:back|again)|try\s+me|reach\s+out|get\s+back\s+(?:to|with)\s+(?:me|us|{You})|follow(?:\s*-\s*|\s+)?up|followup|follow\s+me\s+up|check\s+(?:in|back)|touch\s+base|circle\s+back|be\s+in\s+touch|get\s+in\s+touch|catch\s+up)\b", Options)]
    public static partial Regex ContactRequest();

    [GeneratedRegex($@"\b(?:can|could|would|will|pls|please|plz|pl[sz]e|kindly|{You})\s+(?:{You}\s+)?(?:please\s+|pls\s+|plz\s+|just\s+|maybe\s+)?(?:call|text|txt|ring|phone|email|contact|reach\s+out|get\s+back|follow\s+up|check\s+in|touch\s+base)(?:\s+(?:me|us)\b)?\b", Options)]
    public static partial Regex PoliteRequest();

    [GeneratedRegex($@"\b(?:let'?s|lets|can\s+we|could\s+we|we\s+can|we\s+should|shall\s+we|we\s+could|wanna|want\s+to|need\s+to|i'?d\s+like\s+to|i\s+would\s+like\s+to)\s+(?:please\s+)?(?:talk|chat|speak|connect|catch\s+up|touch\s+base|meet|hop\s+on\s+a\s+call|jump\s+on\s+a\s+call|do\s+a\s+call|set\s+up\s+a\s+call|schedule\s+a\s+call)\b|\b(?:talk|speak|chat)\s+(?:to|with)\s+(?:{You})\b|\b(?:are|r)\s+(?:{You})\s+(?:free|available|around)\b|\b(?:set\s+up|schedule|book|grab)\s+a\s+(?:call|time|meeting|chat)\b", Options)]
    public static partial Regex Conversation();

    [GeneratedRegex($@"\b(?:i'?ll|i\s+will|ill|i\s+can|we'?ll|we\s+will|i'?m\s+gonna|im\s+gonna|i'?m\s+going\s+to|gonna|let\s+me|will)\s+(?:try\s+to\s+|try\s+and\s+|just\s+|def(?:initely)?\s+|probably\s+|be\s+sure\s+to\s+)?(?:(?:call|text|txt|ring|phone|email|contact|ping|message)(?:\s+(?:{You}|back))?|give\s+(?:{You})\s+a\s+(?:call|ring|shout|text|buzz)|reach\s+out|get\s+back|follow\s+up|check\s+in|touch\s+base|circle\s+back|be\s+in\s+touch)\b|\b(?:call|text|ring|email|ping)\s+(?:{You})\b", Options)]
    public static partial Regex Promise();

    /// <summary>Just before a cue, these turn it around: "don't call me", "no need to remind me", "did you call me".</summary>
    [GeneratedRegex(@"\b(?:don'?t|do\s+not|dont|never|no\s+need\s+to|not|no|stop|won'?t|wont|didn'?t|did\s+not|did|cannot|can'?t|cant|shouldn'?t|no\s+longer|already|why)\b[^,;:]*$", Options)]
    public static partial Regex NegationBefore();

    /// <summary>Anywhere in the sentence, these say no follow-up is wanted.</summary>
    [GeneratedRegex(@"\b(?:no\s+need|not\s+necessary|not\s+needed|unnecessary|don'?t\s+need|dont\s+need|do\s+not\s+need|don'?t\s+bother|dont\s+bother|no\s+thanks|no\s+thank\s+you|not\s+interested|never\s*mind|nvm|no\s+longer\s+need|cancel(?:led)?\s+(?:the\s+|my\s+|that\s+|this\s+)?(?:reminder|follow\s*-?\s*up|call)|stop\s+(?:texting|messaging|contacting|calling|sending|reminding))\b", Options)]
    public static partial Regex Dismissal();

    /// <summary>Carrier opt-out keywords (CTIA) as the whole message, or an opt-out request anywhere.</summary>
    [GeneratedRegex(@"^\W*(?:stop|stop\s*all|stopall|unsubscribe|unsub|cancel|end|quit|opt\s*-?\s*out|revoke|remove)\W*$|\b(?:unsubscribe|opt\s*-?\s*out|remove\s+me|take\s+me\s+off|stop\s+(?:texting|messaging|contacting|calling|sending))\b|^\W*stop\b(?!\s+by)", Options)]
    public static partial Regex OptOut();

    /// <summary>Sentence ends: . ! ? ; or a line break, but not the dot of "a.m." or "Dec.".</summary>
    [GeneratedRegex(@"(?<!\b(?:a\.m|p\.m|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mr|mrs|ms|dr|st|approx|appt))\.(?=\s|$)|[!?;\n]+", Options)]
    public static partial Regex SentenceEnd();

    /// <summary>Greetings and fillers at the start of a sentence that add nothing to a task title.</summary>
    [GeneratedRegex(@"^(?:(?:hi|hey|hello|hiya|yo|ok|okay|k|sure|great|perfect|thanks|thank\s+you|thx|ty|sorry|yes|yeah|yep|yup|no|nope|also|and|but|so|well|um|oh)\b[^,.!?]{0,20}?[,.!]\s*)+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex LeadingFiller();
}
