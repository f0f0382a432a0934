using System.Text.Json.Nodes;

namespace RoezanGhl.GhlSimulator.State;

/// <summary>One location's data. Guarded by the owning <see cref="SimulatorState"/>'s lock.</summary>
public sealed class SimulatedLocation(string id)
{
    public string Id { get; } = id;

    /// <summary>Contacts by id, each the JSON GHL would return.</summary>
    public Dictionary<string, JsonObject> Contacts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<JsonObject>> Notes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<JsonObject>> Tasks { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<JsonObject>> Appointments { get; } = new(StringComparer.Ordinal);

    public RateWindow Window { get; } = new();
}
