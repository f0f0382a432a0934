namespace RoezanGhl.Core.Accounts;

/// <summary>The <c>Roezan</c> configuration section: every Roezan account the app serves.</summary>
public sealed class RoezanOptions
{
    public const string SectionName = "Roezan";

    /// <summary>Accounts by Roezan account id (the id in the webhook route). Case-insensitive.</summary>
    public Dictionary<string, RoezanAccountOptions> Accounts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Optional path of a JSON file with the accounts' field mappings (schema: account-mapping.schema.json),
    /// absolute or relative to the app's folder. Read once at start.
    /// </summary>
    public string? MappingFile { get; set; }
}
