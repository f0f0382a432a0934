using System.Text.Json.Serialization;
using RoezanGhl.Core.Sync;

namespace RoezanGhl.Core.Events;

/// <summary>
/// What the webhook puts on the events queue and the processor reads: the validated, normalized event,
/// the account it arrived for (from the route) and when we accepted it (for latency and ordering).
/// Read a queue message with <c>RoezanEventQueueClient.ReadAsync</c> (Storage), which also resolves
/// <see cref="PayloadBlob"/>.
/// </summary>
public sealed class QueuedRoezanEvent
{
    /// <summary>The Roezan account as configured (<c>Roezan:Accounts:{accountId}</c>), whatever case the URL used.</summary>
    public required string AccountId { get; init; }

    public required DateTimeOffset AcceptedAt { get; init; }

    public required RoezanEvent Event { get; init; }

    /// <summary>
    /// Set when the event was too large for a queue message (64 KiB after Base64): <see cref="Event"/> then
    /// carries only id, type and occurredAt, and the whole <see cref="QueuedRoezanEvent"/> is stored in this
    /// blob (<c>container/name</c> in the app's storage account).
    /// </summary>
    public string? PayloadBlob { get; init; }

    /// <summary>
    /// The system the event comes from (<c>"source"</c>). Optional: messages written before directions existed
    /// have none, and the Roezan webhook leaves it out, so that its messages stay as they always were.
    /// </summary>
    public SyncSystem? Source { get; init; }

    /// <summary>The system its changes go to (<c>"target"</c>); optional like <see cref="Source"/>.</summary>
    public SyncSystem? Target { get; init; }

    /// <summary>
    /// W3C <c>traceparent</c> of the span that sent the message (see <c>QueuedTraceContext</c>), so that the queue
    /// function continues the webhook's trace. Optional: older messages have none. Set by the sender just before it
    /// serializes the message, inside its producer span.
    /// </summary>
    [JsonPropertyName("traceparent")]
    public string? TraceParent { get; set; }

    /// <summary>W3C <c>tracestate</c> that goes with <see cref="TraceParent"/>.</summary>
    [JsonPropertyName("tracestate")]
    public string? TraceState { get; set; }

    /// <summary>
    /// The GHL change of a GHL → Roezan message (<see cref="GhlWebhooks.GhlQueuedEvents"/>); absent on Roezan's messages,
    /// whose <see cref="Event"/> is the whole event.
    /// </summary>
    public GhlWebhooks.QueuedGhlChange? Ghl { get; init; }

    /// <summary>Source and target, Roezan → GHL where the message names none.</summary>
    [JsonIgnore]
    public SyncDirection Direction => SyncDirection.Of(Source, Target);
}
