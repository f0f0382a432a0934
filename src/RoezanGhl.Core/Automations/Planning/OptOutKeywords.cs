namespace RoezanGhl.Core.Automations.Planning;

/// <summary>
/// The replies carriers treat as an opt-out (CTIA's list plus OPTOUT and REVOKE). No automation may answer them
/// (the validator refuses them as keywords), and a reply that is one of them opts the contact out in both systems.
/// </summary>
public static class OptOutKeywords
{
    public static IReadOnlyList<string> Words { get; } = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"];

    /// <summary>Whether the word is one of <see cref="Words"/> (trimmed, any case).</summary>
    public static bool IsOptOutWord(string? word) => word is not null && Words.Contains(word.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether an inbound text is an opt-out: one of the words and nothing else, punctuation and spaces aside ("Stop.", " STOP ").</summary>
    public static bool IsOptOutReply(string? text) => IsOptOutWord(text?.Trim().Trim(Punctuation));

    private static readonly char[] Punctuation = ['.', '!', '?', ',', ';', ':', '"', '\'', ' '];
}
