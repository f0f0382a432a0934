using System.Text.Json.Serialization;
using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Ghl.Serialization;

/// <summary>
/// Source-generated (de)serialization of every GHL body. Nulls are not written: a field we do not
/// know stays as it is in GHL rather than being blanked.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(GhlContact))]
[JsonSerializable(typeof(GhlCustomFieldListResponse))]
[JsonSerializable(typeof(GhlCreateContactRequest))]
[JsonSerializable(typeof(GhlUpdateContactRequest))]
[JsonSerializable(typeof(GhlUpsertContactRequest))]
[JsonSerializable(typeof(GhlUpsertContactResult))]
[JsonSerializable(typeof(GhlContactListResponse))]
[JsonSerializable(typeof(GhlContactSearchResponse))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
[JsonSerializable(typeof(GhlCreateTaskRequest))]
[JsonSerializable(typeof(GhlUpdateTaskRequest))]
[JsonSerializable(typeof(GhlTaskCompletedRequest))]
[JsonSerializable(typeof(GhlCreateNoteRequest))]
[JsonSerializable(typeof(GhlTagsRequest))]
[JsonSerializable(typeof(GhlContactEnvelope))]
[JsonSerializable(typeof(GhlSucceededEnvelope))]
[JsonSerializable(typeof(GhlTaskEnvelope))]
[JsonSerializable(typeof(GhlNoteEnvelope))]
[JsonSerializable(typeof(GhlAppointmentEnvelope))]
[JsonSerializable(typeof(GhlErrorBody))]
[JsonSerializable(typeof(GhlConversationSearchResponse))]
[JsonSerializable(typeof(GhlCreateConversationRequest))]
[JsonSerializable(typeof(GhlCreateConversationResponse))]
[JsonSerializable(typeof(GhlConversationMessagesPage))]
[JsonSerializable(typeof(GhlInboundMessageRequest))]
[JsonSerializable(typeof(GhlInboundMessageResult))]
[JsonSerializable(typeof(GhlMessageStatusRequest))]
[JsonSerializable(typeof(GhlMessageStatusResult))]
internal sealed partial class GhlJsonContext : JsonSerializerContext
{
}
