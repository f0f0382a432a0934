using System.Net;

namespace RoezanGhl.Roezan;

/// <summary>A call to Roezan's integration API failed. The message names the account and the status, never the API key.</summary>
public sealed class RoezanApiException : Exception
{
    public RoezanApiException(string message, HttpStatusCode? statusCode = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public RoezanApiException()
        : this("Roezan API call failed.")
    {
    }

    public RoezanApiException(string message)
        : this(message, null, null, null)
    {
    }

    public RoezanApiException(string message, Exception innerException)
        : this(message, null, null, innerException)
    {
    }

    /// <summary>Roezan's status; null when no answer came.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Set when Roezan's rate limit says to come back later: how long to wait.</summary>
    public TimeSpan? RetryAfter { get; }

    public bool IsRateLimited => RetryAfter is not null;

    /// <summary>Roezan's <c>code</c> when it refused a request it understood (422), e.g. <c>contact_opted_out</c>.</summary>
    public string? RefusalCode { get; init; }

    /// <summary>The API key was refused (401/403): a person has to fix the secret.</summary>
    public bool IsUnauthorized => StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
