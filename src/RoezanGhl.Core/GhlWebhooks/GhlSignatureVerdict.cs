namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// The outcome of checking one delivery's signature. <see cref="KeyIndex"/> is the position in
/// <c>GhlWebhook:PublicKeys</c> of the Ed25519 key that verified it: after a rotation, logging it tells the
/// operator when the old key has stopped being used and can be removed.
/// </summary>
public readonly record struct GhlSignatureVerdict(GhlSignatureCheck Check, GhlSignatureScheme Scheme, int? KeyIndex = null)
{
    public bool IsValid => Check == GhlSignatureCheck.Valid;
}
