namespace RoezanGhl.Infra.Tests;

/// <summary>The test classes that share one compilation of infra/main.bicep.</summary>
[CollectionDefinition(Name)]
public sealed class SharedMainTemplate : ICollectionFixture<CompiledMainTemplate>
{
    public const string Name = "main template";
}
