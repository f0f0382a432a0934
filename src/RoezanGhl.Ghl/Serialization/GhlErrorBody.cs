using System.Text.Json;

namespace RoezanGhl.Ghl.Serialization;

/// <summary>
/// GHL's error answer: <c>{ statusCode, message, error?, traceId?, meta? }</c>, where <c>message</c> is a
/// string (400/401) or an array of strings (422), and a blocked duplicate adds <c>meta.contactId</c>.
/// </summary>
internal sealed class GhlErrorBody
{
    public int? StatusCode { get; set; }

    public JsonElement? Message { get; set; }

    public string? Error { get; set; }

    public string? TraceId { get; set; }

    public GhlErrorMeta? Meta { get; set; }
}
