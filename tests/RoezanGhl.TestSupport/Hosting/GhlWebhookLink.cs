using Microsoft.AspNetCore.Http;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Engine.Intake;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.GhlSimulator.Webhooks;

namespace RoezanGhl.TestSupport.Hosting;

/// <summary>
/// The GHL simulator's webhooks wired to the app's GHL door: a <see cref="GhlWebhookSender"/> signs each contact change
/// with the test run's key and posts it to a <see cref="WebhookForwarder"/>, which hands it to the door behind the
/// function (<see cref="GhlWebhookIngestor"/>) with the headers and body as sent.
/// </summary>
public sealed class GhlWebhookLink : IAsyncDisposable
{
    private GhlWebhookLink(WebhookForwarder forwarder, GhlWebhookSender sender)
    {
        Forwarder = forwarder;
        Sender = sender;
    }

    public WebhookForwarder Forwarder { get; }

    public GhlWebhookSender Sender { get; }

    public static async Task<GhlWebhookLink> StartAsync(SimulatorState state, GhlWebhookIngestor door)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(door);
        var forwarder = await WebhookForwarder.StartAsync().ConfigureAwait(false);
        forwarder.Handler = Forward(door.IngestAsync);
        return new GhlWebhookLink(forwarder, new GhlWebhookSender(state, new Uri(forwarder.BaseUrl, "ghl/webhooks"), GhlWebhookSigningKey.Shared));
    }

    /// <summary>A forwarder's handler that hands each request, headers and body as sent, to a GHL door and answers as it did.</summary>
    public static Func<HttpContext, Task> Forward(Func<GhlWebhookRequest, CancellationToken, Task<GhlIngestResult>> door)
    {
        ArgumentNullException.ThrowIfNull(door);
        return async context =>
        {
            var result = await door(
                new GhlWebhookRequest(
                    context.Request.ContentType,
                    context.Request.ContentLength,
                    context.Request.Headers[GhlSignatureVerifier.SignatureHeader].ToString(),
                    context.Request.Headers[GhlSignatureVerifier.LegacySignatureHeader].ToString(),
                    context.Request.Body),
                context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = result.StatusCode;
            if (result.RetryAfterHeader is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            await context.Response.WriteAsync(result.ToJson(), context.RequestAborted).ConfigureAwait(false);
        };
    }

    public Task WaitUntilDrainedAsync(CancellationToken cancellationToken = default) => Sender.WaitUntilDrainedAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Sender.DisposeAsync().ConfigureAwait(false);
        await Forwarder.DisposeAsync().ConfigureAwait(false);
    }
}
