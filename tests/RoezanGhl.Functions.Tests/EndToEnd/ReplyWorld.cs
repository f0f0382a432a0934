using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Engine.Conversations;
using RoezanGhl.Engine.Intake;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.TestSupport.Hosting;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>The app with a test Roezan sender (or the app's own, over the Roezan simulator), the Delivery URL served in process, and the simulator posting to it.</summary>
internal sealed class ReplyWorld : IAsyncDisposable
{
    private readonly HttpClient _http = new();

    private ReplyWorld(AppTestHost app, WebhookForwarder forwarder)
    {
        App = app;
        Forwarder = forwarder;
    }

    public AppTestHost App { get; }

    public WebhookForwarder Forwarder { get; }

    public static async Task<ReplyWorld> StartAsync(IConversationReplySender? sender, bool withRoezan = false, Func<RoezanSimulatorSettings, RoezanSimulatorSettings>? roezan = null, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = AppTestHost.Create().WithSettings(settings);
        if (withRoezan || roezan is not null)
        {
            builder.WithRoezanSimulator(roezan);
        }

        var app = await builder
            .WithSetting("Conversations:StatusRetryInterval", "00:00:00.050")
            .WithServices(services =>
            {
                if (sender is not null)
                {
                    services.AddSingleton(sender);
                }
            })
            .StartAsync();
        var forwarder = await GhlProviderDeliveryLink.StartAsync(app);
        app.Simulator.Settings = app.Simulator.Settings with { StatusUpdateRefusalMs = 300 };
        return new ReplyWorld(app, forwarder);
    }

    public string SeedContact(string phone) =>
        App.Simulator.State.SeedContact(AppTestHost.LocationId, new JsonObject { ["phone"] = phone })["id"]!.GetValue<string>();

    /// <summary>The GHL user types <paramref name="text"/> (the simulator's admin API); returns GHL's message id.</summary>
    public async Task<string> UserRepliesAsync(string contactId, string text)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(App.Simulator.BaseUrl, $"_sim/locations/{AppTestHost.LocationId}/contacts/{contactId}/replies"), new { message = text });
        response.EnsureSuccessStatusCode();
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(200, answer["deliveryStatus"]!.GetValue<int>());
        return answer["messageId"]!.GetValue<string>();
    }

    /// <summary>GHL posts the same message again; returns the door's code.</summary>
    public async Task<string> PostAgainAsync(string contactId, string messageId, string text)
    {
        var body = new JsonObject { ["contactId"] = contactId, ["locationId"] = AppTestHost.LocationId, ["messageId"] = messageId, ["type"] = "SMS", ["phone"] = "+12015550181", ["message"] = text };
        var bytes = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString());
        var result = await App.Get<ConversationReplyIngestor>().IngestAsync(
            new GhlWebhookRequest("application/json", bytes.Length, GhlSimulator.Webhooks.GhlWebhookSigningKey.Shared.Sign(bytes), null, new MemoryStream(bytes)), default);
        return result.Code;
    }

    /// <summary>The texts the Roezan simulator sent for the account.</summary>
    public IReadOnlyList<RoezanGhl.RoezanSimulator.State.RoezanMessage> RoezanTexts() =>
        [.. App.Roezan.Simulator.State.MessagesOf(AppTestHost.AccountId).Where(m => m.Direction == RoezanGhl.RoezanSimulator.State.MessageDirection.Outbound)];

    /// <summary>The status updates GHL accepted for the message, oldest first.</summary>
    public IReadOnlyList<string> StatusUpdatesOf(string messageId) =>
        [.. App.Simulator.State.Conversations.StatusUpdatesOf(messageId).Select(update => update.Status)];

    /// <summary>
    /// Runs the app's queue and the Roezan simulator's webhooks (its delivery reports) until neither has anything left:
    /// a report is queued by the door before the simulator counts it delivered, so an empty outbox then an idle queue is the end.
    /// </summary>
    public async Task SettleAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        do
        {
            await App.Roezan.Simulator.Outbox.WaitUntilDrainedAsync(timeout.Token);
            await App.DrainAsync();
        }
        while (App.Roezan.Simulator.Outbox.PendingCount > 0);
    }

    public string? StatusOf(string contactId, string messageId) =>
        App.Simulator.State.Conversations.MessagesOf(contactId).Single(message => message.Id == messageId).Status;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Forwarder.DisposeAsync();
        await App.DisposeAsync();
    }
}
