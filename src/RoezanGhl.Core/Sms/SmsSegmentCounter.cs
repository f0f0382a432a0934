namespace RoezanGhl.Core.Sms;

/// <summary>
/// Counts the SMS segments of a text. A single SMS holds 160 GSM-7 septets or 70 UCS-2 units; a longer text is
/// split into parts of 153 septets or 67 units (the rest of each part is the 6-octet concatenation header).
/// A part never ends between ESC and its extension code, nor between the two halves of a surrogate pair, so a
/// part may hold one unit less than its size.
/// </summary>
public static class SmsSegmentCounter
{
    public const int Gsm7Single = 160;
    public const int Gsm7Part = 153;
    public const int Ucs2Single = 70;
    public const int Ucs2Part = 67;

    /// <summary>The encoding the text needs: GSM-7 when every character has a GSM code.</summary>
    public static SmsEncoding EncodingOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (GsmAlphabet.SeptetsOf(c) == 0)
            {
                return SmsEncoding.Ucs2;
            }
        }

        return SmsEncoding.Gsm7;
    }

    public static SmsSegmentCount Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EncodingOf(text) == SmsEncoding.Gsm7
            ? Split(text, SmsEncoding.Gsm7, Gsm7Single, Gsm7Part)
            : Split(text, SmsEncoding.Ucs2, Ucs2Single, Ucs2Part);
    }

    /// <summary>
    /// How many more units fit before the text needs another segment: the room left in its last part (septets for
    /// GSM-7, where an extension character takes 2; UTF-16 units for UCS-2). A part may hold one less when the next
    /// character is an extension character or an emoji that would straddle it.
    /// </summary>
    public static int RoomLeft(SmsSegmentCount count)
    {
        ArgumentNullException.ThrowIfNull(count);
        var (single, part) = count.Encoding == SmsEncoding.Gsm7 ? (Gsm7Single, Gsm7Part) : (Ucs2Single, Ucs2Part);
        return Math.Max(0, (count.Segments <= 1 ? single : count.Segments * part) - count.Units);
    }

    private static SmsSegmentCount Split(string text, SmsEncoding encoding, int single, int part)
    {
        var total = 0;
        var segments = 0;
        var used = part; // forces a first part on the first character
        for (var i = 0; i < text.Length; i++)
        {
            // An indivisible unit: a GSM character (1 septet, or 2 for ESC + code) or a UTF-16 character (a surrogate pair is 2).
            var size = encoding == SmsEncoding.Gsm7
                ? GsmAlphabet.SeptetsOf(text[i])
                : char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            if (encoding == SmsEncoding.Ucs2 && size == 2)
            {
                i++;
            }

            total += size;
            if (used + size > part)
            {
                segments++;
                used = 0;
            }

            used += size;
        }

        return new SmsSegmentCount(encoding, total, total <= single ? Math.Min(total, 1) : segments);
    }
}
