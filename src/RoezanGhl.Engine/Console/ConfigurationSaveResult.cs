using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Engine.Console;

/// <summary>What a save or restore did: stored as <see cref="Saved"/>, or refused with the start validator's <see cref="Problems"/>.</summary>
public sealed record ConfigurationSaveResult(EffectiveConfiguration? Saved, IReadOnlyList<ConfigurationProblem> Problems)
{
    public bool Succeeded => Saved is not null;
}
