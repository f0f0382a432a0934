namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>How the GHL webhook door answered one delivery; the tag of its counter and the key of its status code.</summary>
public enum GhlIngestOutcome
{
    /// <summary>200: claimed in the ledger and queued for Roezan.</summary>
    Accepted,

    /// <summary>200: this <c>webhookId</c> was taken before; nothing queued.</summary>
    Duplicate,

    /// <summary>200: no account maps to the <c>locationId</c>; nothing queued (GHL would disable a failing webhook).</summary>
    UnknownLocation,

    /// <summary>200: a type the sync does not apply; acknowledged and counted.</summary>
    NotApplied,

    /// <summary>415.</summary>
    UnsupportedMediaType,

    /// <summary>413.</summary>
    PayloadTooLarge,

    /// <summary>401 (signature or timestamp) or 400 (JSON or contract): see <see cref="GhlWebhookRejection"/>.</summary>
    Rejected,

    /// <summary>429 with Retry-After: storage is down, or the door hit a bug; GHL redelivers only after a 429.</summary>
    Unavailable,
}
