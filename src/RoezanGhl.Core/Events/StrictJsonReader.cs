using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace RoezanGhl.Core.Events;

/// <summary>
/// One pass over a webhook body for what System.Text.Json lets through: a member name given twice in one
/// object (at any depth, unknown members included), which the serializer would settle silently by keeping
/// the last value, so that one body could mean one thing to us and another to the next reader; and strings
/// that are not Unicode text (bytes that are not UTF-8, a lone surrogate escape), which the reader only
/// notices when a value is read (RFC 7493 I-JSON forbids both). Names are compared after unescaping
/// (<c>"\u0069d"</c> is <c>"id"</c>) and case-sensitively, as the contract's member names are.
/// </summary>
internal static class StrictJsonReader
{
    // Names echoed in an answer are cut here: a body may hold one name of 200 KB.
    private const int MaxEchoedNameLength = 100;

    /// <summary>
    /// Reads the whole body once. True with the duplicate's place as a field path (<c>data.contact.email</c>)
    /// and as a JSON pointer (<c>/data/contact/email</c>, RFC 6901); false when every object's names are unique.
    /// </summary>
    /// <exception cref="JsonException">The body is not well-formed JSON or holds a string that is not Unicode text (line and byte are set).</exception>
    public static bool TryFindDuplicateMember(ReadOnlySpan<byte> json, out string field, out string jsonPointer)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var frames = new List<Frame>();
        var depth = 0;
        while (reader.Read())
        {
            var parent = depth > 0 ? frames[depth - 1] : null;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var name = ReadText(ref reader, json);
                    if (!parent!.TryAddName(name))
                    {
                        parent.Key = name;
                        (field, jsonPointer) = Describe(frames, depth);
                        return true;
                    }

                    parent.Key = name;
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    depth--;
                    continue;
            }

            if (reader.TokenType == JsonTokenType.String)
            {
                CheckText(ref reader, json);
            }

            // A value starts: in an array it is the next element.
            if (parent is { IsArray: true })
            {
                parent.Index++;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (depth == frames.Count)
                {
                    frames.Add(new Frame());
                }

                frames[depth++].Enter(reader.TokenType == JsonTokenType.StartArray);
            }
        }

        field = jsonPointer = string.Empty;
        return false;
    }

    private static string ReadText(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw NotText(reader, json);
        }
    }

    /// <summary>Unescaped strings are checked in place; only escaped ones are decoded (which can allocate).</summary>
    private static void CheckText(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.ValueIsEscaped)
        {
            _ = ReadText(ref reader, json);
        }
        else if (!Utf8.IsValid(reader.ValueSpan))
        {
            throw NotText(reader, json);
        }
    }

    /// <summary>A syntax error as the reader reports one: zero-based line and byte in that line of the string's start.</summary>
    private static JsonException NotText(Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var before = json[..(int)reader.TokenStartIndex];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new JsonException("A string is not valid UTF-8 text.", null, before.Count((byte)'\n'), before.Length - lineStart);
    }

    private static (string Field, string JsonPointer) Describe(List<Frame> frames, int depth)
    {
        var field = new StringBuilder();
        var pointer = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            var frame = frames[i];
            if (frame.IsArray)
            {
                var index = frame.Index.ToString(CultureInfo.InvariantCulture);
                field.Append('[').Append(index).Append(']');
                pointer.Append('/').Append(index);
                continue;
            }

            var key = frame.Key.Length > MaxEchoedNameLength ? frame.Key[..MaxEchoedNameLength] + "…" : frame.Key;
            field.Append(field.Length == 0 ? string.Empty : ".").Append(key);
            pointer.Append('/').Append(key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        }

        return (field.ToString(), pointer.ToString());
    }

    /// <summary>One open object or array; kept and reused per depth while reading.</summary>
    private sealed class Frame
    {
        // Most objects have a handful of members: a list searched in order allocates least; a set takes over
        // for a large one, so that 30,000 members cost 30,000 lookups rather than 450 million comparisons.
        private const int ListLimit = 16;

        private List<string>? _few;
        private HashSet<string>? _many;

        public bool IsArray { get; private set; }

        /// <summary>The element being read, in an array.</summary>
        public int Index { get; set; }

        /// <summary>The member being read, in an object.</summary>
        public string Key { get; set; } = string.Empty;

        /// <summary>False when the object already has a member of this name.</summary>
        public bool TryAddName(string name)
        {
            if (_many is { Count: > 0 })
            {
                return _many.Add(name);
            }

            _few ??= new List<string>(ListLimit);
            foreach (var seen in _few)
            {
                if (string.Equals(seen, name, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            if (_few.Count < ListLimit)
            {
                _few.Add(name);
                return true;
            }

            _many ??= new HashSet<string>(StringComparer.Ordinal);
            _many.UnionWith(_few);
            return _many.Add(name);
        }

        public void Enter(bool isArray)
        {
            IsArray = isArray;
            Index = -1;
            Key = string.Empty;
            _few?.Clear();
            _many?.Clear();
        }
    }
}
