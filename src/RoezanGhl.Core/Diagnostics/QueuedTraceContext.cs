using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoezanGhl.Core.Diagnostics;

/// <summary>
/// The W3C trace context a queued message carries at the top level of its JSON (<c>traceparent</c>,
/// <c>tracestate</c>), whatever else the envelope holds: Storage queue messages have only a body, so the context
/// travels in it. Any envelope on the events queue can carry these two optional fields; a message without them
/// (written before they existed) still processes and starts a trace of its own.
/// </summary>
public sealed class QueuedTraceContext
{
    [JsonPropertyName("traceparent")]
    public string? TraceParent { get; init; }

    [JsonPropertyName("tracestate")]
    public string? TraceState { get; init; }

    /// <summary>The context of <paramref name="activity"/> to carry (empty without one).</summary>
    public static QueuedTraceContext Of(Activity? activity) =>
        activity is null ? new() : new() { TraceParent = activity.Id, TraceState = activity.TraceStateString };

    /// <summary>
    /// Reads only <c>traceparent</c>/<c>tracestate</c> from a message body (other members are skipped); empty when the
    /// body is no JSON object or has neither.
    /// </summary>
    public static QueuedTraceContext Read(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, QueuedTraceContextJson.Default.QueuedTraceContext) ?? new();
        }
        catch (JsonException)
        {
            // An unreadable message gets its own trace; the processor reports it as unreadable.
            return new();
        }
    }

    /// <summary>The remote parent this context names, or <c>default</c> when it names none or is malformed.</summary>
    public ActivityContext ToParent() =>
        ActivityContext.TryParse(TraceParent, TraceState, isRemote: true, out var parent) ? parent : default;
}
