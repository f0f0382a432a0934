using System.Globalization;

namespace RoezanGhl.Core.Automations.Planning;

/// <summary>
/// Finds a keyword in an inbound text as a whole word, case-insensitively: "info" matches "Info please" and
/// "INFO!", not "information". A keyword of several words matches them in order with any white space between.
/// </summary>
public static class KeywordMatcher
{
    /// <summary>The first of <paramref name="keywords"/> (in list order) found in <paramref name="text"/>, or null.</summary>
    public static string? FirstMatch(string? text, IReadOnlyList<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = Words(text);
        foreach (var keyword in keywords)
        {
            var wanted = Words(keyword);
            for (var i = 0; wanted.Count > 0 && i + wanted.Count <= words.Count; i++)
            {
                if (wanted.Select((word, k) => string.Equals(word, words[i + k], StringComparison.OrdinalIgnoreCase)).All(same => same))
                {
                    return keyword;
                }
            }
        }

        return null;
    }

    /// <summary>Runs of letters, digits and marks; everything else separates words.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsWordChar(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }

        return words;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
