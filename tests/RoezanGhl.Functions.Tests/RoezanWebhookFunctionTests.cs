using System.Text.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RoezanGhl.Core.Events;
using RoezanGhl.Functions.Functions;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Webhooks;

namespace RoezanGhl.Functions.Tests;

[IntegrationLane]
public class RoezanWebhookFunctionTests
{
    private static HttpRequest Request(string body, string? signature, string contentType = "application/json")
    {
        var context = new DefaultHttpContext();
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        if (signature is not null)
        {
            context.Request.Headers[RoezanSignatureVerifier.HeaderName] = signature;
        }

        return context.Request;
    }

    [Fact]
    public async Task A_signed_event_is_answered_202_with_its_id_and_queued()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var body = RoezanSampleEvents.ContactUpdated("evt_fn_1");

        var result = Assert.IsType<ContentResult>(await rig.Host.Webhook.RunAsync(Request(body, rig.Sign(body)), "acme", CancellationToken.None));

        Assert.Equal(202, result.StatusCode);
        Assert.Equal("application/json; charset=utf-8", result.ContentType);
        using var json = JsonDocument.Parse(result.Content!);
        Assert.Equal(("accepted", "evt_fn_1"), (json.RootElement.GetProperty("status").GetString(), json.RootElement.GetProperty("eventId").GetString()));
        Assert.Single(await rig.PeekRawAsync());
    }

    [Fact]
    public async Task A_repeat_is_answered_200_duplicate()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var body = RoezanSampleEvents.NoteCreated("evt_fn_dup");
        var function = rig.Host.Webhook;
        await function.RunAsync(Request(body, rig.Sign(body)), "acme", CancellationToken.None);

        var result = Assert.IsType<ContentResult>(await function.RunAsync(Request(body, rig.Sign(body)), "acme", CancellationToken.None));

        Assert.Equal(200, result.StatusCode);
        Assert.Contains("\"status\":\"duplicate\"", result.Content, StringComparison.Ordinal);
        Assert.Single(await rig.PeekRawAsync());
    }

    [Fact]
    public async Task A_bad_signature_is_a_401_problem_and_nothing_is_queued()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var body = RoezanSampleEvents.NoteCreated();

        var result = Assert.IsType<ContentResult>(await rig.Host.Webhook.RunAsync(Request(body, rig.Sign(body, secret: "test-secret-9")), "acme", CancellationToken.None));

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", result.ContentType);
        using var json = JsonDocument.Parse(result.Content!);
        Assert.Equal("urn:roezan-ghl:problem:invalid-signature", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(401, json.RootElement.GetProperty("status").GetInt32());
        Assert.Empty(await rig.PeekRawAsync());
    }

    [Fact]
    public async Task An_unknown_account_is_a_404_problem()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var body = RoezanSampleEvents.NoteCreated();

        var result = Assert.IsType<ContentResult>(await rig.Host.Webhook.RunAsync(Request(body, rig.Sign(body)), "globex", CancellationToken.None));

        Assert.Equal(404, result.StatusCode);
        Assert.Contains("urn:roezan-ghl:problem:unknown-account", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_in_flight_is_told_when_to_retry()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var body = RoezanSampleEvents.NoteCreated("evt_fn_wait");
        var evt = JsonSerializer.Deserialize(body, RoezanJsonContext.Default.RoezanEvent)!;
        await rig.Ledger.ClaimAsync(new LedgerIntake { AccountId = "acme", EventId = evt.Id! }, "webhook:other", TimeSpan.FromSeconds(30), CancellationToken.None);
        var request = Request(body, rig.Sign(body));

        var result = Assert.IsType<ContentResult>(await rig.Host.Webhook.RunAsync(request, "acme", CancellationToken.None));

        Assert.Equal(503, result.StatusCode);
        Assert.Equal("30", request.HttpContext.Response.Headers.RetryAfter.ToString());
    }
}
