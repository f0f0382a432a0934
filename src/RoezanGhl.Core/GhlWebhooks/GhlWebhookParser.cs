using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// Reads a raw GHL webhook body into the model its <c>type</c> names (any other type into
/// <see cref="GhlUnrecognizedEvent"/>). Bodies that are not JSON, not an object, that name a member twice or
/// nest too deep, and members of the wrong JSON type, become rejections naming the place by JSON pointer.
/// The contract itself (required members, lengths) is <see cref="GhlWebhookValidator"/>'s.
/// </summary>
public static class GhlWebhookParser
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private const string DateTimeShape = "must be an RFC 3339 date-time with an offset, such as 2026-11-24T10:00:00Z";

    /// <summary>A body POSTed to the webhook door.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> body,
        [NotNullWhen(true)] out GhlWebhookEvent? evt,
        [NotNullWhen(false)] out GhlWebhookRejection? rejection)
    {
        body = WithoutBom(body);
        evt = null;
        if (!GhlJsonShapeCheck.TryCheck(body, out var type, out rejection))
        {
            return false;
        }

        var kind = GhlWebhookEventTypes.KindOf(type);
        var context = GhlWebhookJsonContext.Default;
        return kind switch
        {
            _ when GhlWebhookEventTypes.IsContact(kind) => TryRead(body, kind, context.GhlContactEvent, out evt, out rejection),
            GhlWebhookEventKind.NoteCreate => TryRead(body, kind, context.GhlNoteEvent, out evt, out rejection),
            _ when GhlWebhookEventTypes.IsTask(kind) => TryRead(body, kind, context.GhlTaskEvent, out evt, out rejection),
            _ when GhlWebhookEventTypes.IsAppointment(kind) => TryRead(body, kind, context.GhlAppointmentEvent, out evt, out rejection),
            _ => TryRead(body, kind, context.GhlUnrecognizedEvent, out evt, out rejection),
        };
    }

    /// <summary>A body POSTed to the conversation provider's Delivery URL.</summary>
    public static bool TryParseProviderOutboundMessage(
        ReadOnlySpan<byte> body,
        [NotNullWhen(true)] out GhlProviderOutboundMessage? message,
        [NotNullWhen(false)] out GhlWebhookRejection? rejection)
    {
        body = WithoutBom(body);
        message = null;
        if (!GhlJsonShapeCheck.TryCheck(body, out _, out rejection) ||
            !TryRead(body, GhlWebhookEventKind.ProviderOutboundMessage, GhlWebhookJsonContext.Default.GhlProviderOutboundMessage, out var evt, out rejection))
        {
            return false;
        }

        message = (GhlProviderOutboundMessage)evt;
        return true;
    }

    private static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> body) =>
        body.StartsWith(Utf8Bom) ? body[Utf8Bom.Length..] : body;

    private static bool TryRead<T>(
        ReadOnlySpan<byte> body,
        GhlWebhookEventKind kind,
        JsonTypeInfo<T> typeInfo,
        [NotNullWhen(true)] out GhlWebhookEvent? evt,
        [NotNullWhen(false)] out GhlWebhookRejection? rejection)
        where T : GhlWebhookEvent
    {
        evt = null;
        rejection = null;
        try
        {
            // The shape check has proved a well-formed object, so this can only fail on a member's type.
            evt = JsonSerializer.Deserialize(body, typeInfo)!;
        }
        catch (JsonException ex)
        {
            var pointer = GhlJsonPointer.FromJsonPath(ex.Path);
            rejection = GhlWebhookRejection.Invalid([new GhlFieldError(pointer, ExpectedShape(pointer))], null);
            return false;
        }

        evt.Kind = kind;
        return true;
    }

    /// <summary>What the member at the pointer must be, told from its name (or, for an array item, its array's).</summary>
    internal static string ExpectedShape(string pointer)
    {
        var segments = pointer.Split('/');
        var last = segments[^1];
        var isItem = last.Length > 0 && last.All(char.IsAsciiDigit) && segments.Length > 1;
        var name = isItem ? segments[^2] : last;
        if (isItem)
        {
            return name == "customFields" ? "must be an object" : "must be a string";
        }

        return name switch
        {
            "" => "must be a JSON object",
            "timestamp" or "dateAdded" or "dateUpdated" or "dueDate" or "startTime" or "endTime" => DateTimeShape,
            "dnd" => "must be true or false",
            "tags" or "attachments" => "must be an array of strings",
            "customFields" => "must be an array of objects",
            "dndSettings" or "appointment" or "SMS" or "Call" or "Email" or "WhatsApp" or "GMB" or "FB" => "must be an object",
            _ => "must be a string",
        };
    }
}
