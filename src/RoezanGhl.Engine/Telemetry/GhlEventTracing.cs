using System.Diagnostics;
using RoezanGhl.Core.Diagnostics;
using RoezanGhl.Core.GhlWebhooks;

namespace RoezanGhl.Engine.Telemetry;

/// <summary>
/// The GHL door's span, the counterpart of <see cref="EventTracing.StartWebhook"/>: it parents the producer span
/// (<see cref="EventTracing.StartSend"/>, started by the acceptor the two doors share), whose context the queued
/// envelope carries, so that a GHL change is one trace from the door to its Roezan call. Tags hold ids only.
/// </summary>
public static class GhlEventTracing
{
    public const string WebhookSpan = "ghl webhook";

    public static Activity? StartWebhook() => RoezanGhlTelemetry.Source.StartActivity(WebhookSpan);

    /// <summary>Ends the door's span with its answer and, when known, the ledger's event id and the GHL event type.</summary>
    public static void Answered(Activity? activity, GhlIngestResult result, string? type)
    {
        ArgumentNullException.ThrowIfNull(result);
        activity?.SetTag("http.response.status_code", result.StatusCode)
            .SetTag("roezanghl.ingest.outcome", result.Outcome.ToString())
            .SetTag(RoezanGhlTelemetry.EventTypeTag, type)
            .SetTag(RoezanGhlTelemetry.EventIdTag, result.WebhookId is { Length: > 0 } id ? GhlQueuedEvents.EventId(id) : null);
    }
}
