using System.Diagnostics;
using RoezanGhl.Core.Diagnostics;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.Engine.Telemetry;

/// <summary>
/// The spans of one event's path, all from <see cref="RoezanGhlTelemetry.Source"/>: the webhook door, sending to
/// the queue (producer; its context travels in the message), processing the message (consumer), planning, and
/// each plan step. Names are fixed operation names; tags hold ids only (event, account, location, step kind).
/// </summary>
/// <remarks>
/// Processing continues the producer's trace: the process span's parent is the context the message carries and it
/// links the invocation span the host started. OpenTelemetry's messaging conventions require the link to the
/// creation context and allow it as parent when one message is processed alone, as here (batch size 1 per
/// invocation); the parent makes webhook → queue → GHL calls one trace (one transaction in Application Insights),
/// and the link keeps the host's invocation reachable. A message without context is processed under the
/// invocation (a trace of its own).
/// </remarks>
public static class EventTracing
{
    public const string WebhookSpan = "roezan webhook";
    public const string PlanSpan = "plan";
    public const string StepSpanPrefix = "step ";

    /// <summary>The webhook door's span, around checking and accepting one delivery.</summary>
    public static Activity? StartWebhook(string accountId) =>
        RoezanGhlTelemetry.Source.StartActivity(WebhookSpan)?.SetTag(RoezanGhlTelemetry.AccountTag, accountId);

    /// <summary>Ends the door's span with its answer.</summary>
    public static void Answered(Activity? activity, RoezanIngestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        activity?.SetTag("http.response.status_code", result.StatusCode)
            .SetTag("roezanghl.ingest.outcome", result.Outcome.ToString())
            .SetTag(RoezanGhlTelemetry.EventIdTag, result.EventId);
    }

    /// <summary>
    /// The producer span around putting <paramref name="queued"/> on <paramref name="queueName"/>; stamps the
    /// message with its context (or the current one's, when nothing listens to the app's spans).
    /// </summary>
    public static Activity? StartSend(string queueName, QueuedRoezanEvent queued)
    {
        ArgumentNullException.ThrowIfNull(queued);
        var send = RoezanGhlTelemetry.Source.StartActivity($"send {queueName}", ActivityKind.Producer)
            ?.SetTag("messaging.operation.type", "send")
            .SetTag("messaging.destination.name", queueName)
            .SetTag(RoezanGhlTelemetry.EventIdTag, queued.Event.Id)
            .SetTag(RoezanGhlTelemetry.AccountTag, queued.AccountId);
        var context = QueuedTraceContext.Of(send ?? Activity.Current);
        queued.TraceParent = context.TraceParent;
        queued.TraceState = context.TraceState;
        return send;
    }

    /// <summary>The consumer span for one message of <paramref name="queueName"/> (see the class remarks).</summary>
    public static Activity? StartProcess(string queueName, BinaryData messageBody, long dequeueCount)
    {
        ArgumentNullException.ThrowIfNull(messageBody);
        var producer = QueuedTraceContext.Read(messageBody.ToMemory().Span).ToParent();
        var invocation = Activity.Current;
        var name = $"process {queueName}";
        var process = producer == default
            ? RoezanGhlTelemetry.Source.StartActivity(name, ActivityKind.Consumer)
            : RoezanGhlTelemetry.Source.StartActivity(name, ActivityKind.Consumer, producer, links: invocation is null ? null : [new ActivityLink(invocation.Context)]);
        return process?.SetTag("messaging.operation.type", "process")
            .SetTag("messaging.destination.name", queueName)
            .SetTag("messaging.message.delivery_count", dequeueCount);
    }

    /// <summary>Tags the process span with the event it turned out to carry.</summary>
    public static void Carries(Activity? activity, string eventId, string accountId, string? eventType)
    {
        activity?.SetTag(RoezanGhlTelemetry.EventIdTag, eventId)
            .SetTag(RoezanGhlTelemetry.AccountTag, accountId)
            .SetTag(RoezanGhlTelemetry.EventTypeTag, eventType);
    }

    /// <summary>Planning one event (links read, leases taken, plan made).</summary>
    public static Activity? StartPlan(string eventId) =>
        RoezanGhlTelemetry.Source.StartActivity(PlanSpan)?.SetTag(RoezanGhlTelemetry.EventIdTag, eventId);

    /// <summary>One plan step (its GHL calls are its children), named by its kind: <c>step UpsertContact</c>.</summary>
    public static Activity? StartStep(PlanStep step, int number)
    {
        ArgumentNullException.ThrowIfNull(step);
        var kind = step.GetType().Name;
        kind = kind.EndsWith("Step", StringComparison.Ordinal) ? kind[..^4] : kind;
        return RoezanGhlTelemetry.Source.StartActivity(StepSpanPrefix + kind)?.SetTag("roezanghl.step.number", number);
    }

    /// <summary>Marks a span failed with the exception's type (never its message, which may quote a value).</summary>
    public static void Failed(Activity? activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name).SetTag("error.type", exception.GetType().FullName);
    }
}
