using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RoezanGhl.LoadHarness.Reporting;

namespace RoezanGhl.LoadHarness.Conversations;

/// <summary>Writes the <c>conversations</c> figures into results.json and results.md (<see cref="ProfileSection"/>), so the profile can be run alone.</summary>
public static class ConversationsResults
{
    public const string Profile = "conversations";

    public static async Task WriteAsync(ConversationsFigures figures, string? jsonPath, string? markdownPath, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var load = await ProfileSection.LoadAverageAsync(cancellationToken).ConfigureAwait(false);
        var node = new JsonObject
        {
            ["scenario"] = figures.Scenario,
            ["new_number_messages"] = figures.NewNumberMessages,
            ["ghl_calls_per_new_number_message"] = figures.GhlCallsPerNewNumberMessage,
            ["known_contact_messages"] = figures.KnownContactMessages,
            ["ghl_calls_per_known_contact_message"] = figures.GhlCallsPerKnownContactMessage,
            ["inbound_messages_not_once"] = figures.InboundMessagesNotOnce,
            ["replies"] = figures.Replies,
            ["roezan_texts_per_reply"] = figures.RoezanTextsPerReply,
            ["ghl_calls_per_reply"] = figures.GhlCallsPerReply,
            ["roezan_calls_per_reply"] = figures.RoezanCallsPerReply,
            ["replies_not_delivered"] = figures.RepliesNotDelivered,
            ["reply_accepted_latency_ms"] = Latency(figures.AcceptedLatencyMs),
            ["reply_delivered_latency_ms"] = Latency(figures.DeliveredLatencyMs),
            ["load_average"] = load,
        };
        await ProfileSection.WriteAsync(Profile, node, Markdown(figures, load), jsonPath, markdownPath, log, cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject Latency(LatencyFigures latency) => new() { ["p50"] = latency.P50, ["p99"] = latency.P99, ["max"] = latency.Max };

    private static string Markdown(ConversationsFigures figures, string load)
    {
        var text = new StringBuilder();
        text.AppendLine(ProfileSection.Heading(Profile)).AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{figures.Scenario} (load average {load} on 2 shared cores: timings are pessimistic, counts are not).").AppendLine();
        text.AppendLine("| figure | value | target |").AppendLine("| --- | --- | --- |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| GHL calls per inbound message, new number ({figures.NewNumberMessages}) | {figures.GhlCallsPerNewNumberMessage} | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| GHL calls per inbound message, known contact ({figures.KnownContactMessages}) | {figures.GhlCallsPerKnownContactMessage} | 2 |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| inbound messages not in the thread exactly once | {figures.InboundMessagesNotOnce} | 0 |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Roezan texts per reply ({figures.Replies}) | {figures.RoezanTextsPerReply} | 1 |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| replies not delivered in GHL | {figures.RepliesNotDelivered} | 0 |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| GHL / Roezan calls per reply | {figures.GhlCallsPerReply} / {figures.RoezanCallsPerReply} | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| reply → GHL status pending (ms) p50 / p99 | {figures.AcceptedLatencyMs.P50} / {figures.AcceptedLatencyMs.P99} | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| reply → GHL status delivered (ms) p50 / p99 | {figures.DeliveredLatencyMs.P50} / {figures.DeliveredLatencyMs.P99} | |");
        return text.ToString();
    }
}
