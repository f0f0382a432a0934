using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace RoezanGhl.Core.Events;

/// <summary>
/// Reads a raw body into a <see cref="RoezanEvent"/> with the source-generated context. Bodies that are not
/// JSON, members named twice in one object and members of the wrong JSON type become answers naming the
/// place: a syntax error gives line and byte, a duplicate its field path and JSON pointer, a type error the
/// field path (<c>data.contact.tags</c>).
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

        // One pass first: syntax errors, and duplicate names and undecodable strings, which the serializer lets through.
        try
        {
            if (StrictJsonReader.TryFindDuplicateMember(body, out var field, out var jsonPointer))
            {
                rejection = RoezanIngestResult.Invalid(
                    [new RoezanFieldError(field, $"is given more than once in one object (JSON pointer {jsonPointer}); send each member once")], null);
                return false;
            }
        }
        catch (JsonException syntax)
        {
            var line = (syntax.LineNumber ?? 0) + 1;
            var position = (syntax.BytePositionInLine ?? 0) + 1;
            rejection = RoezanIngestResult.MalformedJson($"The body is not valid JSON (line {line}, byte {position}).");
            return false;
        }

        try
        {
            evt = JsonSerializer.Deserialize(body, RoezanJsonContext.Default.RoezanEvent);
        }
        catch (JsonException ex)
        {
            var field = ToFieldPath(ex.Path);
            rejection = RoezanIngestResult.Invalid([new RoezanFieldError(field, ExpectedShape(field))], null);
            return false;
        }

        if (evt is null)
        {
            rejection = RoezanIngestResult.Invalid([new RoezanFieldError("body", "must be a JSON object")], null);
            return false;
        }

        return true;
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
            "occurredAt" or "receivedAt" or "dueDate" or "statusAt" => "must be an RFC 3339 date-time with an offset, such as 2026-11-24T10:00:00Z",
            "completed" => "must be true or false",
            "tags" => "must be an array of strings",
            "data" or "contact" or "message" or "task" or "note" or "customFields" => "must be a JSON object",
            _ => "must be a string",
        };
    }
}
