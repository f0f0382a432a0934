using RoezanGhl.Engine.Conversations;

namespace RoezanGhl.TestSupport.Hosting;

/// <summary>
/// The GHL simulator's conversation provider wired to the app: the simulator posts each reply a GHL user types
/// (ProviderOutboundMessage, signed with the test run's key) to a <see cref="WebhookForwarder"/>, which hands it to the
/// app's Delivery URL door (<see cref="ConversationReplyIngestor"/>) with the headers and body as sent.
/// </summary>
public static class GhlProviderDeliveryLink
{
    /// <summary>Starts the forwarder and points the simulator's Delivery URL at it; dispose the forwarder after the host.</summary>
    public static async Task<WebhookForwarder> StartAsync(AppTestHost app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var forwarder = await WebhookForwarder.StartAsync().ConfigureAwait(false);
        forwarder.Handler = GhlWebhookLink.Forward(app.Get<ConversationReplyIngestor>().IngestAsync);
        app.Simulator.Settings = app.Simulator.Settings with { ProviderDeliveryUrl = new Uri(forwarder.BaseUrl, "ghl/conversations/outbound") };
        return forwarder;
    }
}
