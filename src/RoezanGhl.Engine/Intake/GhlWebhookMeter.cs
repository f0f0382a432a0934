using System.Diagnostics.Metrics;
using RoezanGhl.Core.GhlWebhooks;

namespace RoezanGhl.Engine.Intake;

/// <summary>
/// Counts the GHL door's deliveries on the engine's meter (<c>RoezanGhl.Engine</c>):
/// <see cref="CounterName"/> tagged with <c>outcome</c> (<see cref="GhlIngestOutcome"/> in snake case) and <c>type</c>
/// (HighLevel's event name when the body was read, else <c>unknown</c>), so that ignored types are visible.
/// </summary>
public sealed class GhlWebhookMeter
{
    public const string CounterName = "roezanghl.ghl_webhooks.received";

    private readonly Counter<long> _received;

    public GhlWebhookMeter(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _received = meters.Create(Processing.EventOutcomeReporter.MeterName)
            .CreateCounter<long>(CounterName, "{delivery}", "GHL webhook deliveries, by how the door answered and the event type.");
    }

    public void Count(GhlIngestResult result, string? type)
    {
        ArgumentNullException.ThrowIfNull(result);
        _received.Add(1, new KeyValuePair<string, object?>("outcome", TagOf(result.Outcome)), new KeyValuePair<string, object?>("type", Bounded(type)));
    }

    public static string TagOf(GhlIngestOutcome outcome) => outcome switch
    {
        GhlIngestOutcome.UnknownLocation => "unknown_location",
        GhlIngestOutcome.NotApplied => "not_applied",
        GhlIngestOutcome.UnsupportedMediaType => "unsupported_media_type",
        GhlIngestOutcome.PayloadTooLarge => "payload_too_large",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    /// <summary>A type name as a tag: short and plain, or <c>other</c>, so that a sender cannot make tags without limit.</summary>
    private static string Bounded(string? type) =>
        type is null ? "unknown"
        : type.Length <= 40 && type.All(char.IsAsciiLetterOrDigit) ? type
        : "other";
}
