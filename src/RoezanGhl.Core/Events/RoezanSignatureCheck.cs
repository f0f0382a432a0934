namespace RoezanGhl.Core.Events;

/// <summary>The verdict of <see cref="RoezanSignatureVerifier.Verify"/>; everything but <see cref="Valid"/> is a 401.</summary>
public enum RoezanSignatureCheck
{
    Valid,

    /// <summary>No <c>X-Roezan-Signature</c> header.</summary>
    Missing,

    /// <summary>The header is not <c>t=&lt;unix seconds&gt;,v1=&lt;64 hex&gt;[,v1=…]</c>.</summary>
    Malformed,

    /// <summary>The timestamp is older than the tolerance allows (a replay or a very late retry).</summary>
    TooOld,

    /// <summary>The timestamp is further in the future than the tolerance allows.</summary>
    InTheFuture,

    /// <summary>No <c>v1</c> value matches any configured secret: wrong secret or a changed body.</summary>
    Mismatch,

    /// <summary>The account has no webhook secret configured.</summary>
    NoSecret,
}
