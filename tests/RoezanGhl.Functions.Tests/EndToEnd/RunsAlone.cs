namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>
/// Tests that count this process's HTTP activities (<see cref="TestSupport.StorageRequestListener"/>) run alone, after the
/// parallel ones: an activity is one object shared by every listener, so another test's tracing running at the same time
/// can leave the counted requests without their tags (both counts read 0 in a full run, never alone).
/// </summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
