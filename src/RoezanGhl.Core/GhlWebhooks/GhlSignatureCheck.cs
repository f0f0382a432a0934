namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>The verdict of <see cref="GhlSignatureVerifier.Verify"/>; everything but <see cref="Valid"/> is a 401.</summary>
public enum GhlSignatureCheck
{
    Valid,

    /// <summary>Neither <c>X-GHL-Signature</c> nor <c>X-WH-Signature</c> was sent.</summary>
    Missing,

    /// <summary>The header is not base64, or not a signature's length (64 bytes for Ed25519).</summary>
    Malformed,

    /// <summary>No configured key verifies the signature over the raw body: an unknown key or a changed body.</summary>
    Mismatch,

    /// <summary>Only the legacy RSA <c>X-WH-Signature</c> was sent and <c>GhlWebhook:AllowLegacyRsa</c> is off.</summary>
    LegacyNotAllowed,
}
