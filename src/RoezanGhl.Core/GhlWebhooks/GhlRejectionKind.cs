namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>Why the GHL door refuses a delivery, as an HTTP status: see <see cref="GhlWebhookRejection.StatusCode"/>.</summary>
public enum GhlRejectionKind
{
    /// <summary>401: the signature is missing, malformed or unverified, or the timestamp is outside the tolerance.</summary>
    Unauthorized,

    /// <summary>400: the body is not JSON at all (empty, a syntax error, not UTF-8).</summary>
    MalformedJson,

    /// <summary>
    /// 400: the JSON breaks the contract (not an object, a member named twice, nested too deep, a missing or
    /// mistyped field, a value too long); every field is named by a JSON pointer.
    /// </summary>
    Invalid,
}
