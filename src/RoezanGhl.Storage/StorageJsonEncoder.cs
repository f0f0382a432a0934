using System.Text;
using System.Text.Encodings.Web;

namespace RoezanGhl.Storage;

/// <summary>
/// A JSON encoder that escapes only what JSON itself requires (quotation mark, reverse solidus, control characters,
/// and ill-formed UTF-16), for JSON that goes into storage and never into a web page.
/// </summary>
/// <remarks>
/// The default encoder writes every non-ASCII character as <c>\uXXXX</c>, and even
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> writes characters outside the Basic Multilingual Plane
/// (emoji) as two such escapes: twelve characters for one emoji, so a 20,000-emoji note becomes 240,000 characters.
/// Leaving them as they are is safe here because this JSON is read back only by a JSON reader: the HTML and script
/// escaping those encoders add protects markup this JSON is never embedded in, and every character JSON's grammar
/// forbids in a string is still escaped. Used by the sync state written to tables and blobs.
/// </remarks>
public sealed class StorageJsonEncoder : JavaScriptEncoder
{
    private const int EscapeLength = 6;

    private StorageJsonEncoder()
    {
    }

    public static StorageJsonEncoder Instance { get; } = new();

    public override int MaxOutputCharactersPerInputCharacter => EscapeLength;

    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (WillEncode(c))
            {
                return i;
            }

            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                // A lone surrogate is not text: let the writer replace it.
                return i;
            }
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        if (!WillEncode(unicodeScalar))
        {
            if (!Rune.IsValid(unicodeScalar) || !new Rune(unicodeScalar).TryEncodeToUtf16(destination, out numberOfCharactersWritten))
            {
                numberOfCharactersWritten = 0;
                return false;
            }

            return true;
        }

        if (bufferLength < EscapeLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        destination[0] = '\\';
        destination[1] = 'u';
        ((ushort)unicodeScalar).TryFormat(destination[2..], out _, "X4", System.Globalization.CultureInfo.InvariantCulture);
        numberOfCharactersWritten = EscapeLength;
        return true;
    }
}
