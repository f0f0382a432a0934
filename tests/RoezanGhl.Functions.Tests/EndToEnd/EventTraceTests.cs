using System.Diagnostics;
using RoezanGhl.Core.Diagnostics;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Engine.Telemetry;
using RoezanGhl.Functions.Telemetry;
using RoezanGhl.Ghl.RateLimiting;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Queueing;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using static RoezanGhl.Functions.Tests.EndToEnd.RoezanEvents;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>One event, one trace: webhook → send → process → plan → steps → GHL calls, with storage calls inside.</summary>
[IntegrationLane]
public sealed class EventTraceTests : IAsyncLifetime
{
    private AppTestHost _app = null!;

    public async Task InitializeAsync() => _app = await AppTestHost.Create().CaptureTelemetry().StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task One_roezan_webhook_makes_one_trace_from_the_door_to_the_ghl_calls()
    {
        await _app.PostAllAsync([ContactCreated("evt_trace_1", "c_t1", "(201) 555-0111", "trace@example.com", "Tia", "Race", ["vip"])]);
        await _app.DrainAsync();
        _app.Telemetry.Flush();

        var webhook = Assert.Single(SpansOf("evt_trace_1"), span => span.DisplayName == EventTracing.WebhookSpan);
        Assert.Equal(default, webhook.ParentSpanId);
        var trace = _app.Telemetry.Trace(webhook.TraceId);
        var queue = _app.Names.EventsQueue;

        var send = Assert.Single(trace, span => span.DisplayName == $"send {queue}");
        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Equal(webhook.SpanId, send.ParentSpanId);
        var process = Assert.Single(trace, span => span.DisplayName == $"process {queue}");
        Assert.Equal(ActivityKind.Consumer, process.Kind);
        Assert.Equal(send.SpanId, process.ParentSpanId);
        var plan = Assert.Single(trace, span => span.DisplayName == EventTracing.PlanSpan);
        Assert.True(IsUnder(plan, process, trace), "plan is not under process");
        var steps = trace.Where(span => span.DisplayName.StartsWith(EventTracing.StepSpanPrefix, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(steps);
        Assert.All(steps, step => Assert.True(IsUnder(step, process, trace), $"{step.DisplayName} is not under process"));

        // Each GHL call is an HTTP client span under a step, named by its route template.
        var ghlCalls = trace.Where(span => span.Kind == ActivityKind.Client && span.GetTagItem(HttpSpanRedaction.TemplateTag) is string).ToList();
        Assert.Contains(ghlCalls, call => call.DisplayName == "POST /contacts/upsert");
        Assert.All(ghlCalls, call => Assert.Contains(steps, step => IsUnder(call, step, trace)));

        // Storage: the Azure SDK's spans for the ledger, the queue send and the links, in the same trace.
        var storage = trace.Where(span => span.Source.Name.StartsWith("Azure.", StringComparison.Ordinal)).ToList();
        Assert.Contains(storage, span => IsUnder(span, send, trace) && span.DisplayName.Contains("QueueClient.SendMessage", StringComparison.Ordinal));
        Assert.Contains(storage, span => IsUnder(span, process, trace) && span.DisplayName.StartsWith("TableClient.", StringComparison.Ordinal));
        Assert.Contains(storage, span => IsUnder(span, webhook, trace) && !IsUnder(span, send, trace));

        // Nothing of this event went into another trace.
        Assert.All(SpansOf("evt_trace_1"), span => Assert.Equal(webhook.TraceId, span.TraceId));
        Assert.Equal(EventLedgerStatus.Applied, (await _app.ReadLedgerAsync("evt_trace_1")).Status);
    }

    [Fact]
    public async Task A_queued_message_without_trace_context_still_processes_in_a_trace_of_its_own()
    {
        await _app.PostAllAsync([ContactCreated("evt_trace_old", "c_t2", "(201) 555-0112", "old@example.com", "Ola", "Message")]);
        var received = Assert.Single((await _app.RawQueue.ReceiveMessagesAsync(1)).Value);
        await _app.RawQueue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        var queued = RoezanEventQueueClient.Deserialize(HostQueueMessageEncoding.DecodeAsTrigger(received.MessageText));
        Assert.NotNull(queued.TraceParent);

        // As a message written before the trace fields existed.
        queued.TraceParent = null;
        queued.TraceState = null;
        await _app.Get<RoezanEventQueueClient>().EnqueueAsync(queued, CancellationToken.None);
        Assert.DoesNotContain("traceparent", Assert.Single(await _app.PeekRawAsync()), StringComparison.Ordinal);
        await _app.DrainAsync();
        _app.Telemetry.Flush();

        Assert.Equal(EventLedgerStatus.Applied, (await _app.ReadLedgerAsync("evt_trace_old")).Status);
        var webhook = Assert.Single(SpansOf("evt_trace_old"), span => span.DisplayName == EventTracing.WebhookSpan);
        var process = Assert.Single(SpansOf("evt_trace_old"), span => span.Kind == ActivityKind.Consumer);
        Assert.Equal(default, process.ParentSpanId);
        Assert.NotEqual(webhook.TraceId, process.TraceId);
        Assert.Contains(_app.Telemetry.Trace(process.TraceId), span => span.DisplayName.StartsWith(EventTracing.StepSpanPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Processing_an_event_records_outcomes_ghl_calls_permit_waits_budget_and_queue_age()
    {
        await _app.PostAllAsync([ContactCreated("evt_metrics_1", "c_m1", "(201) 555-0113", tags: ["vip"])]);
        await _app.DrainAsync();
        _app.Telemetry.Flush();

        var names = _app.Telemetry.Metrics.Select(metric => metric.Name).ToHashSet();
        Assert.Contains(EventOutcomeReporter.OutcomesCounterName, names);
        Assert.Contains(EventOutcomeReporter.QueueAgeName, names);
        Assert.Contains(GhlMetrics.CallsName, names);
        Assert.Contains(GhlMetrics.PermitWaitName, names);
        Assert.Contains(GhlMetrics.WindowRemainingName, names);
    }

    private List<Activity> SpansOf(string eventId) =>
        [.. _app.Telemetry.Spans.Where(span => span.GetTagItem(RoezanGhlTelemetry.EventIdTag) as string == eventId)];

    private static bool IsUnder(Activity span, Activity ancestor, IReadOnlyList<Activity> trace)
    {
        var byId = trace.ToDictionary(s => s.SpanId);
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }
}
