using System.Globalization;
using System.Text;

namespace RoezanGhl.Core.Automations.Planning;

/// <summary>
/// The replies carriers treat as an opt-out (CTIA's list plus OPTOUT and REVOKE). No automation may answer them
/// (the validator refuses them as keywords), and a reply that is one of them opts the contact out in both systems.
/// </summary>
/// <remarks>
/// Only a whole message counts ("STOP", "Stop.", "stop 🛑", "opt-out"), never a word inside a sentence ("please stop
/// texting me at work"): a sentence may say anything ("don't stop!"), and carriers' own STOP handling is whole-message
/// too. START/UNSTOP are not handled here: an opt-out is never undone by the sync (docs/automations.md).
/// </remarks>
public static class OptOutKeywords
{
    public static IReadOnlyList<string> Words { get; } = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE"];

    /// <summary>Whether the word is one of <see cref="Words"/> (trimmed, any case).</summary>
    public static bool IsOptOutWord(string? word) => word is not null && Words.Contains(word.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether an inbound text is an opt-out: one of the words and nothing else, in any case, with anything but letters
    /// and digits around it ignored (" STOP ", "Stop.", "¡STOP!", "STOP 🛑") and spaces or hyphens inside it too
    /// ("opt out", "OPT-OUT", "stop all").
    /// </summary>
    public static bool IsOptOutReply(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxReplyLength)
        {
            return false;
        }

        var letters = new StringBuilder(text.Length);
        var started = false;
        var pendingSeparator = false;
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                if (pendingSeparator && started)
                {
                    letters.Append(' ');
                }

                letters.Append(rune.ToString());
                started = true;
                pendingSeparator = false;
            }
            else if (started)
            {
                pendingSeparator = true;
                if (!IsInnerSeparator(rune))
                {
                    // Punctuation or a symbol ends the word: whatever follows must be more of the same, not a letter.
                    letters.Append('|');
                }
            }
        }

        var word = letters.ToString().Trim('|', ' ');
        if (word.Contains('|', StringComparison.Ordinal))
        {
            return false;
        }

        return IsOptOutWord(word.Replace(" ", "", StringComparison.Ordinal));
    }

    // "OPT OUT" and "OPT-OUT" are one word; "STOP, please" is not (the comma ends the word and a letter follows).
    private static bool IsInnerSeparator(Rune rune) =>
        Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.DashPunctuation;

    // The longest word with separators and decorations around it; a longer text is a sentence, not an opt-out.
    private const int MaxReplyLength = 40;
}
