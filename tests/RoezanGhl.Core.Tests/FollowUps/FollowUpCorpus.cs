using System.Text.Json;
using RoezanGhl.Core.FollowUps;

namespace RoezanGhl.Core.Tests.FollowUps;

/// <summary>The labelled messages in followup-corpus.json, with each entry's receipt moment, zone and date order filled in.</summary>
internal sealed record FollowUpCorpus(IReadOnlyList<FollowUpCorpus.Message> Messages)
{
    public static FollowUpCorpus Load()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "FollowUps", "followup-corpus.json"));
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var receivedAt = root.GetProperty("receivedAt").GetDateTimeOffset();
        var zone = root.GetProperty("zone").GetString()!;
        var order = Enum.Parse<NumericDateOrder>(root.GetProperty("dateOrder").GetString()!);
        var messages = root.GetProperty("messages").EnumerateArray().Select(m => new Message(
            m.GetProperty("text").GetString()!,
            m.GetProperty("due").ValueKind == JsonValueKind.Null ? null : m.GetProperty("due").GetString(),
            m.TryGetProperty("receivedAt", out var r) ? r.GetDateTimeOffset() : receivedAt,
            m.TryGetProperty("zone", out var z) ? z.GetString()! : zone,
            m.TryGetProperty("dateOrder", out var o) ? Enum.Parse<NumericDateOrder>(o.GetString()!) : order)).ToList();
        return new FollowUpCorpus(messages);
    }

    /// <param name="Due">Expected local due date-time ("2026-11-25T15:00"), or null for no follow-up.</param>
    internal sealed record Message(string Text, string? Due, DateTimeOffset ReceivedAt, string Zone, NumericDateOrder DateOrder);
}
