namespace RoezanGhl.Core.Mapping;

/// <summary>How Roezan's tags reach the GHL contact.</summary>
public enum TagMode
{
    /// <summary>Roezan's tags are added; no GHL tag is ever removed. The default.</summary>
    Additive,

    /// <summary>
    /// GHL's tags follow Roezan's: tags Roezan no longer has are removed too. With a tag prefix only
    /// prefixed tags are touched, so tags that GHL users or workflows set stay.
    /// </summary>
    Mirror,
}
