using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RoezanGhl.Core.Events;

/// <summary>
/// Finds a member name given twice in one JSON object, at any depth, unknown members included.
/// System.Text.Json would keep the last value without a word, so one body could mean one thing to us and
/// another to the next reader (RFC 7493 I-JSON forbids it). Names are compared as text after unescaping
/// (<c>"\u0069d"</c> is <c>"id"</c>) and case-sensitively, as the contract's member names are.
/// </summary>
internal static class JsonDuplicateMembers
{
    // Names echoed in an answer are cut here: a body may hold one name of 200 KB.
    private const int MaxEchoedNameLength = 100;

    /// <summary>
    /// Reads the whole body once. True with the duplicate's place as a field path (<c>data.contact.email</c>)
    /// and as a JSON pointer (<c>/data/contact/email</c>, RFC 6901); false when every object's names are unique.
    /// </summary>
    /// <exception cref="JsonException">The body is not well-formed JSON (line and byte are set).</exception>
    public static bool TryFind(ReadOnlySpan<byte> json, out string field, out string jsonPointer)
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
                    var name = reader.GetString()!;
                    if (!parent!.Names.Add(name))
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
        private HashSet<string>? _names;

        public bool IsArray { get; private set; }

        /// <summary>The element being read, in an array.</summary>
        public int Index { get; set; }

        /// <summary>The member being read, in an object.</summary>
        public string Key { get; set; } = string.Empty;

        public HashSet<string> Names => _names ??= new HashSet<string>(StringComparer.Ordinal);

        public void Enter(bool isArray)
        {
            IsArray = isArray;
            Index = -1;
            Key = string.Empty;
            _names?.Clear();
        }
    }
}
