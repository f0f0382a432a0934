namespace RoezanGhl.Engine.Console;

/// <summary>
/// An account's configuration in force: the latest saved version (<see cref="Version"/> ≥ 1) or the seed from the
/// settings and mapping file (<see cref="Version"/> 0), with a line saying which.
/// </summary>
public sealed record EffectiveConfiguration(string AccountId, string LocationId, int Version, string Source, AccountConfiguration Configuration)
{
    /// <summary>The HTTP entity tag of this version: a save must name it (<c>If-Match</c>).</summary>
    public string ETag => VersionTag.Of(Version);
}
