namespace RoezanGhl.Functions.Console;

/// <summary>What the mapping editor starts from: the configuration in force, its entity tag, the fields on each side, the flows, a sample event and the saved versions.</summary>
public sealed record MappingModel(
    string AccountId,
    string ETag,
    string Source,
    string ConfigurationJson,
    IReadOnlyList<string> RoezanFields,
    IReadOnlyList<string> GhlStandardFields,
    IReadOnlyList<GhlCustomFieldChoice> GhlCustomFields,
    string CustomFieldsSource,
    IReadOnlyList<string> Flows,
    string SampleEvent,
    IReadOnlyList<VersionSummary> Versions);
