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
        var result = await ingestor.IngestAsync(GhlHttpExchange.Read(request), cancellationToken).ConfigureAwait(false);
        return GhlHttpExchange.Answer(request, result);
    }
}
