using System.Net;

namespace RoezanGhl.Ghl.Errors;

/// <summary>
/// A GHL call failed. Carries what GHL said (status, messages, <c>traceId</c>), what the caller should
/// do (<see cref="Kind"/>, <see cref="RetryAfter"/>) and whether the request may have taken effect
/// anyway (<see cref="OutcomeUnknown"/>). The message never contains a token.
/// </summary>
public sealed class GhlApiException : Exception
{
    public GhlApiException(
        string message,
        GhlErrorKind kind,
        HttpStatusCode? statusCode = null,
        IReadOnlyList<string>? messages = null,
        string? traceId = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        Messages = messages ?? [];
        TraceId = traceId;
    }

    public GhlApiException()
        : this("GHL call failed.", GhlErrorKind.Transient)
    {
    }

    public GhlApiException(string message)
        : this(message, GhlErrorKind.Transient)
    {
    }

    public GhlApiException(string message, Exception innerException)
        : this(message, GhlErrorKind.Transient, innerException: innerException)
    {
    }

    /// <summary>What to do about it.</summary>
    public GhlErrorKind Kind { get; }

    /// <summary>GHL's HTTP status; null when no answer came (timeout, dropped connection, local limiter).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>GHL's <c>message</c> (a string, or an array for 422), as a list.</summary>
    public IReadOnlyList<string> Messages { get; }

    /// <summary>GHL's <c>traceId</c> for support requests, when it sent one.</summary>
    public string? TraceId { get; }

    /// <summary>The location whose token and limits the call used.</summary>
    public string? LocationId { get; init; }

    /// <summary>The HTTP method and path template of the call (no query string).</summary>
    public string? Operation { get; init; }

    /// <summary>For a create blocked as a duplicate (400 with <c>meta.contactId</c>): the contact that already exists.</summary>
    public string? ExistingContactId { get; init; }

    /// <summary>For a blocked duplicate: the field that matched (<c>phone</c> or <c>email</c>).</summary>
    public string? MatchingField { get; init; }

    /// <summary>
    /// True when a non-idempotent request (create contact, note or task) may have been applied even
    /// though the call failed: it was sent and then timed out, lost its connection, or got a 5xx/422
    /// (GHL is known to answer 422 to a create that it applied). Look the object up before creating
    /// it again.
    /// </summary>
    public bool OutcomeUnknown { get; init; }

    /// <summary>When to try again, from <c>Retry-After</c>, the rate-limit interval, or the open circuit.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// GHL answered 401 because the token lacks the scope this call needs (<see cref="GhlUnauthorizedReason.MissingScope"/>):
    /// <see cref="Kind"/> is <see cref="GhlErrorKind.Permanent"/>, no refresh was spent and the location stays usable.
    /// </summary>
    public bool MissingScope { get; init; }

    /// <summary>A create was refused because the location blocks duplicates; see <see cref="ExistingContactId"/>.</summary>
    public bool IsDuplicateBlocked => ExistingContactId is not null;

    /// <summary>
    /// The object does not exist: 404, or the 400 "... not found" that some GHL endpoints answer instead.
    /// </summary>
    public bool IsNotFound =>
        StatusCode == HttpStatusCode.NotFound
        || (StatusCode == HttpStatusCode.BadRequest && Messages.Any(m => m.Contains("not found", StringComparison.OrdinalIgnoreCase)));
}
