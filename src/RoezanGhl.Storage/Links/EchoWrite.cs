namespace RoezanGhl.Storage.Links;

/// <summary>
/// What an echo history entry records of a write besides its fingerprint: the hashes of the values it replaces
/// (<see cref="Core.TwoWay.EchoEntry.Before"/>) and when the change it carries was made (<see cref="Core.TwoWay.EchoEntry.ChangedAt"/>).
/// </summary>
public sealed record EchoWrite(IReadOnlyDictionary<string, string>? Before, DateTimeOffset? ChangedAt)
{
    /// <summary>The hashes of the values the write leaves (<see cref="Core.TwoWay.EchoEntry.After"/>).</summary>
    public IReadOnlyDictionary<string, string>? After { get; init; }
}
