using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Engine.Intake;

namespace RoezanGhl.Functions.Functions;

/// <summary>
/// <c>POST /api/ghl/webhooks</c>: GHL's webhooks for every location. Anonymous at the Functions level because GHL
/// cannot send a function key; the Ed25519 <c>X-GHL-Signature</c> over the raw body is the gate, checked by
/// <see cref="GhlWebhookIngestor"/>, which does the rest.
/// </summary>
public sealed class GhlWebhookFunction(GhlWebhookIngestor ingestor)
{
    public const string Name = "GhlWebhook";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ghl/webhooks")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await ingestor.IngestAsync(
            new GhlWebhookRequest(
                request.ContentType,
                request.ContentLength,
                request.Headers[GhlSignatureVerifier.SignatureHeader].ToString(),
                request.Headers[GhlSignatureVerifier.LegacySignatureHeader].ToString(),
                request.Body),
            cancellationToken).ConfigureAwait(false);

        if (result.RetryAfterHeader is { } retryAfter)
        {
            request.HttpContext.Response.Headers.RetryAfter = retryAfter;
        }

        return new ContentResult { StatusCode = result.StatusCode, ContentType = result.ContentType, Content = result.ToJson() };
    }
}
