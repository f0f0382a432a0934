using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace RoezanGhl.GhlSimulator.Webhooks;

/// <summary>
/// Posts a ProviderOutboundMessage to the conversation provider's Delivery URL as GHL does when a user types a message
/// with the provider as the channel: the documented payload (no <c>webhookId</c> or <c>timestamp</c>), signed in
/// <c>X-GHL-Signature</c>. Like GHL, it posts again only after a 429 (up to <see cref="MaxAttempts"/>).
/// </summary>
public sealed class GhlProviderMessagePoster(HttpClient http, GhlWebhookSigningKey key)
{
    public const int MaxAttempts = 7;

    /// <summary>The Delivery URL's last answer (0 when the connection failed).</summary>
    public async Task<HttpStatusCode> PostAsync(Uri deliveryUrl, JsonObject payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveryUrl);
        ArgumentNullException.ThrowIfNull(payload);
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, deliveryUrl) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.TryAddWithoutValidation("X-GHL-Signature", key.Sign(bytes));
            try
            {
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt >= MaxAttempts)
                {
                    return response.StatusCode;
                }
            }
            catch (HttpRequestException)
            {
                return 0;
            }

            await Task.Delay(GhlWebhookSender.RetryDelay, cancellationToken).ConfigureAwait(false);
        }
    }
}
