using System.Globalization;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Core.Tests.GhlWebhooks;

/// <summary>HighLevel's official example payloads (Examples/README.md) and deliveries made from them.</summary>
internal static class GhlWebhookExamples
{
    public static readonly string Folder = RepositoryRoot.Combine("tests", "RoezanGhl.Core.Tests", "GhlWebhooks", "Examples");

    /// <summary>The examples of events the webhook door receives (all but the provider's).</summary>
    public static readonly string[] DoorExamples =
    [
        "ContactCreate", "ContactUpdate", "ContactTagUpdate", "ContactDndUpdate", "ContactDelete", "NoteCreate",
        "TaskCreate", "TaskComplete", "AppointmentCreate", "AppointmentUpdate", "AppointmentDelete",
    ];

    public static readonly string[] ProviderExamples = ["ProviderOutboundMessage.SMS", "ProviderOutboundMessage.Email"];

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name + ".json"));

    /// <summary>
    /// The example as HighLevel delivers it: with the <c>webhookId</c> and <c>timestamp</c> that every delivery
    /// carries and the per-event docs leave out, put first so that the rest of the bytes stay as published.
    /// </summary>
    public static string AsDelivery(string json, string webhookId, DateTimeOffset timestamp)
    {
        var open = json.IndexOf('{', StringComparison.Ordinal);
        var stamp = timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return json[..(open + 1)] + $"\n  \"webhookId\": \"{webhookId}\",\n  \"timestamp\": \"{stamp}\"," + json[(open + 1)..];
    }
}
