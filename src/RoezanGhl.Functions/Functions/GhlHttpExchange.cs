using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Engine.Intake;

namespace RoezanGhl.Functions.Functions;

/// <summary>
/// What the doors GHL posts to (the webhook door, the conversation provider's Delivery URL) share: the request as the
/// ingestors read it (raw body, both signature headers) and their answer as an HTTP result with its Retry-After.
/// </summary>
internal static class GhlHttpExchange
{
    public static GhlWebhookRequest Read(HttpRequest request) => new(
        request.ContentType,
        request.ContentLength,
        request.Headers[GhlSignatureVerifier.SignatureHeader].ToString(),
        request.Headers[GhlSignatureVerifier.LegacySignatureHeader].ToString(),
        request.Body);

    public static IActionResult Answer(HttpRequest request, GhlIngestResult result)
    {
        if (result.RetryAfterHeader is { } retryAfter)
        {
            request.HttpContext.Response.Headers.RetryAfter = retryAfter;
        }

        return new ContentResult { StatusCode = result.StatusCode, ContentType = result.ContentType, Content = result.ToJson() };
    }
}
