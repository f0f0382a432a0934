namespace RoezanGhl.Roezan;

/// <summary>The answer of the contact lookup.</summary>
internal sealed class RoezanApiContactEnvelope
{
    public RoezanApiContact? Contact { get; set; }
}
