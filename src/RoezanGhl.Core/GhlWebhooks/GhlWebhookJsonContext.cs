using System.Text.Json.Serialization;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// Source-generated (de)serialization of the GHL webhook models: camelCase as HighLevel writes them,
/// case-sensitive, no reflection. Date-times are read strictly as RFC 3339 with an offset (the same
/// converter as the Roezan contract), so that the parser and the schema's <c>format: date-time</c> agree.
/// Members not modelled are skipped; duplicate names are refused earlier, by <see cref="GhlWebhookParser"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false,
    MaxDepth = GhlContractLimits.MaxDepth,
    Converters = [typeof(Rfc3339DateTimeOffsetConverter)])]
[JsonSerializable(typeof(GhlContactEvent))]
[JsonSerializable(typeof(GhlNoteEvent))]
[JsonSerializable(typeof(GhlTaskEvent))]
[JsonSerializable(typeof(GhlAppointmentEvent))]
[JsonSerializable(typeof(GhlUnrecognizedEvent))]
[JsonSerializable(typeof(GhlProviderOutboundMessage))]
public sealed partial class GhlWebhookJsonContext : JsonSerializerContext;
