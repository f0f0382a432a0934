namespace RoezanGhl.Ghl.Serialization;

/// <summary>The <c>meta</c> of a duplicate-blocked create.</summary>
internal sealed class GhlErrorMeta
{
    public string? ContactId { get; set; }

    public string? MatchingField { get; set; }
}
