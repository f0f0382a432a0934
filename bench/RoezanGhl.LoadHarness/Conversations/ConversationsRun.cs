using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.TestSupport.Hosting;

namespace RoezanGhl.LoadHarness.Conversations;

/// <summary>
/// The <c>conversations</c> profile: an account in <c>conversation</c> mode with both simulators in process. Inbound:
/// the first messages of new numbers, then messages of the same contacts, through the signed Roezan door and the
/// queue; GHL's requests are counted per message. Outbound: replies a GHL user types (the GHL simulator posts them to
/// the Delivery URL), sent by the Roezan simulator, which reports them Sent then Delivered through its webhooks; each
/// reply's latency is read from when GHL took its statuses (GHL refuses no status here: the refusal window is a test's
/// matter). Replies go one at a time, so a latency is the pipeline's, not a queue's backlog.
/// </summary>
public static class ConversationsRun
{
    private const int Numbers = 12;
    private const int MessagesPerNumber = 5;
    private const int Replies = 40;
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    public static async Task<ConversationsFigures> RunAsync(TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var account = $"Roezan:Accounts:{AppTestHost.AccountId}";
        await using var host = await AppTestHost.Create()
            .WithRoezanSimulator(settings => settings with { DeliveryReports = DeliveryReportMode.Delivered, RateLimitLimit = 1_000_000 })
            .WithSetting($"{account}:InboundMessages", "conversation")
            .WithSetting($"{account}:GhlConversationProviderId", "sim-sms-provider")
            .WithSetting("Ghl:RateLimitMaxRequests", "10000")
            .WithSetting("Conversations:AcceptedReplyStatus", "pending")
            .WithSetting("Conversations:StatusRetryInterval", "00:00:00.050")
            .WithPump(pollInterval: TimeSpan.FromMilliseconds(10))
            .StartAsync().ConfigureAwait(false);
        await using var delivery = await GhlProviderDeliveryLink.StartAsync(host).ConfigureAwait(false);
        host.Simulator.Settings = host.Simulator.Settings with { RateLimitMax = 10_000, StatusUpdateRefusalMs = 0 };

        var (firstCalls, knownCalls) = await InboundAsync(host, cancellationToken).ConfigureAwait(false);
        var inbound = host.Simulator.State.Conversations.MessagesIn(AppTestHost.LocationId);
        var notOnce = Math.Abs(Numbers * MessagesPerNumber - inbound.Count) + (inbound.Count - inbound.Select(m => m.AltId).Distinct(StringComparer.Ordinal).Count());
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"conversations: {inbound.Count} inbound messages in the threads; replying {Replies} times")).ConfigureAwait(false);

        var ghlBefore = host.Simulator.State.Counters.Snapshot().Total;
        var roezanBefore = host.Roezan.Simulator.State.Recorded.Count;
        var (accepted, delivered, notDelivered) = await RepliesAsync(host, cancellationToken).ConfigureAwait(false);
        var texts = host.Roezan.Simulator.State.MessagesOf(AppTestHost.AccountId).Count(m => m.Direction == MessageDirection.Outbound);
        return new ConversationsFigures
        {
            NewNumberMessages = Numbers,
            GhlCallsPerNewNumberMessage = Math.Round((double)firstCalls / Numbers, 2),
            KnownContactMessages = Numbers * (MessagesPerNumber - 1),
            GhlCallsPerKnownContactMessage = Math.Round((double)knownCalls / (Numbers * (MessagesPerNumber - 1)), 2),
            InboundMessagesNotOnce = notOnce,
            Replies = Replies,
            RoezanTextsPerReply = Math.Round((double)texts / Replies, 2),
            GhlCallsPerReply = Math.Round((double)(host.Simulator.State.Counters.Snapshot().Total - ghlBefore) / Replies, 2),
            RoezanCallsPerReply = Math.Round((double)(host.Roezan.Simulator.State.Recorded.Count - roezanBefore) / Replies, 2),
            RepliesNotDelivered = notDelivered,
            AcceptedLatencyMs = LatencyFigures.Of(accepted),
            DeliveredLatencyMs = LatencyFigures.Of(delivered),
            Scenario = $"account in conversation mode; {Numbers} new numbers × {MessagesPerNumber} inbound messages; {Replies} replies typed in GHL one at a time, "
                + "AcceptedReplyStatus=pending, the Roezan simulator reporting Sent then Delivered at once; in process with Azurite, queue polled every 10 ms, GHL refusing no status",
        };
    }

    /// <summary>GHL requests made for the first message of each number, then for the further messages of the same contacts.</summary>
    private static async Task<(long First, long Known)> InboundAsync(AppTestHost host, CancellationToken cancellationToken)
    {
        var before = host.Simulator.State.Counters.Snapshot().Total;
        for (var n = 0; n < Numbers; n++)
        {
            await host.PostAsync(Message(n, 0), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await host.DrainAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        var afterFirst = host.Simulator.State.Counters.Snapshot().Total;
        for (var m = 1; m < MessagesPerNumber; m++)
        {
            for (var n = 0; n < Numbers; n++)
            {
                await host.PostAsync(Message(n, m), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        await host.DrainAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        return (afterFirst - before, host.Simulator.State.Counters.Snapshot().Total - afterFirst);
    }

    private static async Task<(List<double> Accepted, List<double> Delivered, int NotDelivered)> RepliesAsync(AppTestHost host, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var contacts = host.Simulator.State.ContactsOf(AppTestHost.LocationId).Select(contact => contact["id"]!.GetValue<string>()).ToList();
        var (accepted, delivered, notDelivered) = (new List<double>(), new List<double>(), 0);
        for (var i = 0; i < Replies; i++)
        {
            var started = DateTimeOffset.UtcNow;
            using var answer = await http.PostAsJsonAsync(new Uri(host.Simulator.BaseUrl, $"_sim/locations/{AppTestHost.LocationId}/contacts/{contacts[i % contacts.Count]}/replies"), new { message = $"reply {i}" }, cancellationToken).ConfigureAwait(false);
            answer.EnsureSuccessStatusCode();
            var messageId = (await answer.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false))!["messageId"]!.GetValue<string>();
            await SettleAsync(host, cancellationToken).ConfigureAwait(false);
            var updates = host.Simulator.State.Conversations.StatusUpdatesOf(messageId);
            if (updates.Count == 0 || updates[^1].Status != "delivered")
            {
                notDelivered++;
                continue;
            }

            accepted.Add((updates[0].At - started).TotalMilliseconds);
            delivered.Add((updates[^1].At - started).TotalMilliseconds);
        }

        return (accepted, delivered, notDelivered);
    }

    /// <summary>The queue and the Roezan simulator's webhooks (its delivery reports) until neither has anything left.</summary>
    private static async Task SettleAsync(AppTestHost host, CancellationToken cancellationToken)
    {
        do
        {
            await host.Roezan.Simulator.WaitForWebhooksAsync(cancellationToken).ConfigureAwait(false);
            await host.DrainAsync(TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        }
        while (host.Roezan.Simulator.Outbox.PendingCount > 0);
    }

    private static string Message(int number, int index)
    {
        var at = T0.AddMinutes(index).AddMilliseconds(number).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = $"evt_{number}_{index}",
            ["type"] = "message.received",
            ["occurredAt"] = at,
            ["data"] = new JsonObject
            {
                ["message"] = new JsonObject
                {
                    ["id"] = $"m_{number}_{index}",
                    ["from"] = string.Create(CultureInfo.InvariantCulture, $"+1201555{150 + number:0000}"),
                    ["body"] = $"message {index} from number {number}",
                    ["receivedAt"] = at,
                },
            },
        }.ToJsonString();
    }
}
