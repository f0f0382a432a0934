namespace RoezanGhl.Core.Mapping;

/// <summary>One entry of GHL's <c>customFields</c>: <c>{ "id" | "key", "field_value" }</c>.</summary>
public sealed record MappedCustomField(string? Id, string? Key, string Value);
