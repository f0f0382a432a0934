using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Engine.Mapping;

/// <summary>The mappings a mapping file holds by Roezan account id, and what is wrong with it (nothing when <see cref="Problems"/> is empty).</summary>
public sealed record AccountMappingFileContents(IReadOnlyDictionary<string, AccountMapping> Accounts, IReadOnlyList<ConfigurationProblem> Problems);
