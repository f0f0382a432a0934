namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>Which of GHL's two signing schemes a delivery was checked with.</summary>
public enum GhlSignatureScheme
{
    /// <summary>No signature header was there to check.</summary>
    None,

    /// <summary><c>X-GHL-Signature</c>: base64 Ed25519 over the raw body.</summary>
    Ed25519,

    /// <summary><c>X-WH-Signature</c>: base64 RSA-SHA256 (PKCS#1 v1.5) over the raw body; deprecated by HighLevel.</summary>
    LegacyRsa,
}
