using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace RoezanGhl.Core.Events;

/// <summary>
/// Reads a raw body into a <see cref="RoezanEvent"/> with the source-generated context. Bodies that are not
/// JSON and members of the wrong JSON type become answers naming the place: a syntax error gives line and
/// byte, a type error the field path (<c>data.contact.tags</c>).
/// </summary>
public static class RoezanEventParser
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static bool TryParse(
        ReadOnlySpan<byte> body,
        [NotNullWhen(true)] out RoezanEvent? evt,
        [NotNullWhen(false)] out RoezanIngestResult? rejection)
    {
        if (body.StartsWith(Utf8Bom))
        {
            body = body[Utf8Bom.Length..];
        }

        evt = null;
        rejection = null;
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            rejection = RoezanIngestResult.MalformedJson("The body is empty; send one JSON object.");
            return false;
        }

        try
        {
            evt = JsonSerializer.Deserialize(body, RoezanJsonContext.Default.RoezanEvent);
        }
        catch (JsonException ex)
        {
            rejection = Explain(body, ex);
            return false;
        }

        if (evt is null)
        {
            rejection = RoezanIngestResult.Invalid([new RoezanFieldError("body", "must be a JSON object")], null);
            return false;
        }

        return true;
    }

    /// <summary>Only on the error path: tells a syntax error from a member of the wrong type.</summary>
    private static RoezanIngestResult Explain(ReadOnlySpan<byte> body, JsonException ex)
    {
        if (!IsWellFormed(body, out var line, out var position))
        {
            return RoezanIngestResult.MalformedJson($"The body is not valid JSON (line {line + 1}, byte {position + 1}).");
        }

        var field = ToFieldPath(ex.Path);
        return RoezanIngestResult.Invalid([new RoezanFieldError(field, ExpectedShape(field))], null);
    }

    private static bool IsWellFormed(ReadOnlySpan<byte> body, out long line, out long position)
    {
        line = 0;
        position = 0;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException syntax)
        {
            line = syntax.LineNumber ?? 0;
            position = syntax.BytePositionInLine ?? 0;
            return false;
        }
    }

    /// <summary><c>$.data.contact.tags[0]</c> → <c>data.contact.tags[0]</c>; <c>$</c> → <c>body</c>.</summary>
    internal static string ToFieldPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "body";
        }

        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..]
            : jsonPath.StartsWith('$') ? jsonPath[1..]
            : jsonPath;
    }

    private static string ExpectedShape(string field)
    {
        var name = field.AsSpan();
        var dot = name.LastIndexOf('.');
        if (dot >= 0)
        {
            name = name[(dot + 1)..];
        }

        return name switch
        {
            "body" => "must be a JSON object",
            "occurredAt" or "receivedAt" or "dueDate" => "must be an RFC 3339 date-time with an offset, such as 2026-11-24T10:00:00Z",
            "completed" => "must be true or false",
            "tags" => "must be an array of strings",
            "data" or "contact" or "message" or "task" or "note" or "customFields" => "must be a JSON object",
            _ => "must be a string",
        };
    }
}
