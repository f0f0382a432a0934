using System.Text.Json.Serialization;

namespace RoezanGhl.Core.Sync;

/// <summary>
/// A system the app keeps in step. Stored by name in the ledger (<c>Source</c>, <c>Target</c>) and written in lower
/// case on queue messages (<c>"source": "ghl"</c>), so new members go at the end and names never change.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SyncSystem>))]
public enum SyncSystem
{
    [JsonStringEnumMemberName("roezan")]
    Roezan,

    [JsonStringEnumMemberName("ghl")]
    Ghl,
}
