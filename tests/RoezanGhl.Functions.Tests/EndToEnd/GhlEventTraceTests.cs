using System.Diagnostics;
using RoezanGhl.Core.Diagnostics;
using RoezanGhl.Engine.Telemetry;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.UnitTestSupport.Webhooks;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>One GHL change, one trace: the GHL door → send (the envelope carries its context) → process → the Roezan call.</summary>
[IntegrationLane]
public sealed class GhlEventTraceTests
{
    [Fact]
    public async Task One_ghl_webhook_makes_one_trace_from_the_door_through_the_queue_to_processing()
    {
        await using var app = await AppTestHost.Create().WithRoezanSimulator().CaptureTelemetry().StartAsync();
        var body = GhlSampleEvents.ContactUpdate("wh-trace", app.Get<TimeProvider>().GetUtcNow(), type: "ContactCreate", contactId: "ghl-c-trace");

        Assert.Equal(200, (await app.PostGhlAsync(body)).StatusCode);
        var queued = Assert.Single(await app.PeekQueuedAsync());
        await app.DrainAsync();
        app.Telemetry.Flush();

        var spans = app.Telemetry.Spans.Where(span => span.GetTagItem(RoezanGhlTelemetry.EventIdTag) as string == "ghl:wh-trace").ToList();
        var door = Assert.Single(spans, span => span.DisplayName == GhlEventTracing.WebhookSpan);
        Assert.Equal(default, door.ParentSpanId);
        Assert.Equal("ContactCreate", door.GetTagItem(RoezanGhlTelemetry.EventTypeTag));
        var trace = app.Telemetry.Trace(door.TraceId);
        var queue = app.Names.EventsQueue;
        var send = Assert.Single(trace, span => span.DisplayName == $"send {queue}");
        Assert.Equal((ActivityKind.Producer, door.SpanId), (send.Kind, send.ParentSpanId));
        Assert.StartsWith($"00-{send.TraceId}-{send.SpanId}-", queued.TraceParent, StringComparison.Ordinal);
        var process = Assert.Single(trace, span => span.DisplayName == $"process {queue}");
        Assert.Equal((ActivityKind.Consumer, send.SpanId), (process.Kind, process.ParentSpanId));
        Assert.All(spans, span => Assert.Equal(door.TraceId, span.TraceId));
        Assert.Equal(EventLedgerStatus.Applied, (await app.ReadLedgerAsync("ghl:wh-trace")).Status);
    }
}
