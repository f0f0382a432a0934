using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Engine.Conversations;
using RoezanGhl.Engine.Intake;

namespace RoezanGhl.Functions.Functions;

/// <summary>
/// <c>POST /api/ghl/conversations/outbound</c>: the conversation provider's Delivery URL, where GHL posts each message a
/// user types with our provider as the channel (ProviderOutboundMessage). Anonymous like the webhook door; the Ed25519
/// <c>X-GHL-Signature</c> over the raw body is the gate, checked by <see cref="ConversationReplyIngestor"/>.
/// </summary>
public sealed class GhlConversationOutboundFunction(ConversationReplyIngestor ingestor)
{
    public const string Name = "GhlConversationOutbound";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "ghl/conversations/outbound")] HttpRequest request,
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
