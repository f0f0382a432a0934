using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// One forward pass over a body before it is deserialized: well-formed UTF-8 JSON, an object at the root,
/// no member name twice in any object (modelled or not), no nesting deeper than
/// <see cref="GhlContractLimits.MaxDepth"/>; and the root's <c>type</c>, which decides the model.
/// </summary>
/// <remarks>
/// Duplicate names are refused everywhere, not only in the members we read, because parsers disagree on
/// which copy wins: a body that means one thing to us and another to a tool reading the stored payload
/// (or to HighLevel) must not be accepted. System.Text.Json's own check covers only modelled members.
/// </remarks>
internal static class GhlJsonShapeCheck
{
    public static bool TryCheck(ReadOnlySpan<byte> body, out string? type, [NotNullWhen(false)] out GhlWebhookRejection? rejection)
    {
        type = null;
        rejection = null;
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            rejection = GhlWebhookRejection.MalformedJson("The body is empty; send one JSON object.");
            return false;
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var frames = new List<Frame>();
        var nextIsType = false;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (frames.Count == 0 && reader.TokenType != JsonTokenType.StartObject)
                        {
                            rejection = NotAnObject();
                            return false;
                        }

                        frames.Add(new Frame(SegmentOfNextValue(frames), isObject: reader.TokenType == JsonTokenType.StartObject));
                        if (frames.Count > GhlContractLimits.MaxDepth)
                        {
                            rejection = Invalid(PointerOf(frames), $"nests deeper than {GhlContractLimits.MaxDepth} levels");
                            return false;
                        }

                        nextIsType = false;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        ValueDone(frames);
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames[^1];
                        var name = reader.GetString()!;
                        if (!frame.Names!.Add(name))
                        {
                            rejection = Invalid(GhlJsonPointer.Member(PointerOf(frames), name), "appears more than once in its object");
                            return false;
                        }

                        frame.CurrentName = name;
                        nextIsType = frames.Count == 1 && name == "type";
                        break;
                    default:
                        if (frames.Count == 0)
                        {
                            rejection = NotAnObject();
                            return false;
                        }

                        if (reader.TokenType == JsonTokenType.String && !Utf8.IsValid(reader.ValueSpan))
                        {
                            // Checked for every string, read or not: a body is UTF-8 JSON or it is refused.
                            rejection = NotUtf8();
                            return false;
                        }

                        if (nextIsType && reader.TokenType == JsonTokenType.String)
                        {
                            type = reader.GetString();
                        }

                        nextIsType = false;
                        ValueDone(frames);
                        break;
                }
            }
        }
        catch (JsonException syntax)
        {
            rejection = GhlWebhookRejection.MalformedJson(
                $"The body is not valid JSON (line {(syntax.LineNumber ?? 0) + 1}, byte {(syntax.BytePositionInLine ?? 0) + 1}).");
            return false;
        }
        catch (InvalidOperationException)
        {
            // GetString on a member name that is not valid UTF-8.
            rejection = NotUtf8();
            return false;
        }

        return true;
    }

    private static GhlWebhookRejection NotUtf8() => GhlWebhookRejection.MalformedJson("The body is not valid UTF-8.");

    private static GhlWebhookRejection NotAnObject() => Invalid(string.Empty, "must be a JSON object");

    private static GhlWebhookRejection Invalid(string pointer, string message) =>
        GhlWebhookRejection.Invalid([new GhlFieldError(pointer, message)], null);

    private static string SegmentOfNextValue(List<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return string.Empty;
        }

        var parent = frames[^1];
        return parent.Names is null
            ? parent.Index.ToString(CultureInfo.InvariantCulture)
            : GhlJsonPointer.Escape(parent.CurrentName ?? string.Empty);
    }

    private static void ValueDone(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].Names is null)
        {
            frames[^1].Index++;
        }
    }

    private static string PointerOf(List<Frame> frames)
    {
        var pointer = new StringBuilder();
        for (var i = 1; i < frames.Count; i++)
        {
            pointer.Append('/').Append(frames[i].Segment);
        }

        return pointer.ToString();
    }

    /// <summary>An open object (with the names seen so far) or array (with the index of its next item).</summary>
    private sealed class Frame(string segment, bool isObject)
    {
        public string Segment { get; } = segment;

        public HashSet<string>? Names { get; } = isObject ? new HashSet<string>(StringComparer.Ordinal) : null;

        public string? CurrentName { get; set; }

        public int Index { get; set; }
    }
}
