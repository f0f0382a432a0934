using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RoezanGhl.Core.Events;
using RoezanGhl.Engine.Intake;

namespace RoezanGhl.Functions.Functions;

/// <summary>
/// <c>POST /api/roezan/{accountId}/events</c>: Roezan's webhook. The function key is the first gate, the
/// account's signature the second; <see cref="RoezanWebhookIngestor"/> does the rest.
/// </summary>
public sealed class RoezanWebhookFunction(RoezanWebhookIngestor ingestor)
{
    public const string Name = "RoezanWebhook";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "roezan/{accountId}/events")] HttpRequest request,
        string accountId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await ingestor.IngestAsync(
            accountId,
            new RoezanWebhookRequest(
                request.ContentType,
                request.ContentLength,
                request.Headers[RoezanSignatureVerifier.HeaderName].ToString(),
                request.Body),
            cancellationToken).ConfigureAwait(false);

        if (result.RetryAfterHeader is { } retryAfter)
        {
            request.HttpContext.Response.Headers.RetryAfter = retryAfter;
        }

        return new ContentResult { StatusCode = result.StatusCode, ContentType = result.ContentType, Content = result.ToJson() };
    }
}
