namespace RoezanGhl.Core.Events;

/// <summary>How the webhook door answered one delivery; <see cref="RoezanIngestResult.StatusCode"/> maps each to HTTP.</summary>
public enum RoezanIngestOutcome
{
    /// <summary>202: verified, valid, recorded in the ledger and put on the queue.</summary>
    Accepted,

    /// <summary>200: the event id was accepted before; nothing was queued this time.</summary>
    Duplicate,

    /// <summary>
    /// 503 with Retry-After: another delivery of this event id is being accepted right now. It is not called a
    /// duplicate because that delivery may still fail; the retry finds it queued (200) or takes it over.
    /// </summary>
    InFlight,

    /// <summary>404: the account in the URL is not configured.</summary>
    UnknownAccount,

    /// <summary>415: the body is not declared as UTF-8 JSON.</summary>
    UnsupportedMediaType,

    /// <summary>413: the body is larger than the limit.</summary>
    PayloadTooLarge,

    /// <summary>401: signature missing, malformed, outside the time tolerance or not matching; or no secret configured.</summary>
    Unauthorized,

    /// <summary>400: the body is not JSON.</summary>
    MalformedJson,

    /// <summary>400: the JSON breaks the contract or holds an unreadable phone or email; every field is named.</summary>
    Invalid,

    /// <summary>503: storage or the secret store could not be reached; Roezan should retry.</summary>
    Unavailable,
}
