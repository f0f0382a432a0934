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
        var result = await ingestor.IngestAsync(GhlHttpExchange.Read(request), cancellationToken).ConfigureAwait(false);
        return GhlHttpExchange.Answer(request, result);
    }
}
