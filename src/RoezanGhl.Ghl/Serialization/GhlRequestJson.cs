using System.Text.Json;
using System.Text.Json.Nodes;
using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Ghl.Serialization;

/// <summary>
/// A request body as the exact JSON <see cref="GhlContactsClient"/> sends (same serializer, nulls left out),
/// for previews such as the CLI's <c>plan</c> view. The client itself does not call these.
/// </summary>
public static class GhlRequestJson
{
    public static JsonObject ToJson(GhlCreateContactRequest body) => Parse(JsonSerializer.SerializeToUtf8Bytes(body, GhlJsonContext.Default.GhlCreateContactRequest));

    public static JsonObject ToJson(GhlUpsertContactRequest body) => Parse(JsonSerializer.SerializeToUtf8Bytes(body, GhlJsonContext.Default.GhlUpsertContactRequest));

    public static JsonObject ToJson(GhlUpdateContactRequest body) => Parse(JsonSerializer.SerializeToUtf8Bytes(body, GhlJsonContext.Default.GhlUpdateContactRequest));

    public static JsonObject ToJson(GhlCreateTaskRequest body) => Parse(JsonSerializer.SerializeToUtf8Bytes(body, GhlJsonContext.Default.GhlCreateTaskRequest));

    public static JsonObject ToJson(GhlUpdateTaskRequest body) => Parse(JsonSerializer.SerializeToUtf8Bytes(body, GhlJsonContext.Default.GhlUpdateTaskRequest));

    public static JsonObject ToJson(GhlTaskCompletedRequest body) => Parse(JsonSerializer.SerializeToUtf8Bytes(body, GhlJsonContext.Default.GhlTaskCompletedRequest));

    public static JsonObject ToJson(GhlCreateNoteRequest body) => Parse(JsonSerializer.SerializeToUtf8Bytes(body, GhlJsonContext.Default.GhlCreateNoteRequest));

    public static JsonObject ToJson(GhlTagsRequest body) => Parse(JsonSerializer.SerializeToUtf8Bytes(body, GhlJsonContext.Default.GhlTagsRequest));

    public static JsonObject ToJson(GhlInboundMessageRequest body) => Parse(JsonSerializer.SerializeToUtf8Bytes(body, GhlJsonContext.Default.GhlInboundMessageRequest));

    private static JsonObject Parse(byte[] json) => JsonNode.Parse(json)!.AsObject();
}
