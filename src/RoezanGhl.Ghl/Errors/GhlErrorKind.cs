namespace RoezanGhl.Ghl.Errors;

/// <summary>What a caller should do about a failed GHL call.</summary>
public enum GhlErrorKind
{
    /// <summary>5xx, timeout, dropped connection, open circuit: try again later (with backoff).</summary>
    Transient = 0,

    /// <summary>429 or the local limiter/daily reserve said no: try again after <see cref="GhlApiException.RetryAfter"/>.</summary>
    RateLimited = 1,

    /// <summary>4xx validation, not found, duplicate blocked, a 401 for a scope the token lacks: the same request will fail again.</summary>
    Permanent = 2,

    /// <summary>403, a 401 for a token GHL refuses even after a refresh, or "Location is not active": nothing works for this location until a person acts.</summary>
    LocationNeedsAttention = 3,
}
