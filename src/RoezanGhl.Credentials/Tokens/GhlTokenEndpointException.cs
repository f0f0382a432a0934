namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// The token endpoint did not give tokens. <see cref="IsRejected"/> tells a refusal that retrying cannot fix
/// (<c>invalid_grant</c>, a location that is not active, a bad client: 4xx other than 408/429) from a passing
/// failure (5xx, 408, 429, timeout, network). The message carries GHL's message, never a token.
/// </summary>
public sealed class GhlTokenEndpointException : Exception
{
    public GhlTokenEndpointException(int? statusCode, string? errorCode, string serverMessage, bool isRejected, Exception? innerException = null)
        : base(Describe(statusCode, errorCode, serverMessage), innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ServerMessage = serverMessage;
        IsRejected = isRejected;
    }

    public GhlTokenEndpointException()
        : this(null, null, "unknown failure", isRejected: false)
    {
    }

    public GhlTokenEndpointException(string message)
        : this(null, null, message, isRejected: false)
    {
    }

    public GhlTokenEndpointException(string message, Exception innerException)
        : this(null, null, message, isRejected: false, innerException)
    {
    }

    /// <summary>The HTTP status, or null when no answer came.</summary>
    public int? StatusCode { get; }

    /// <summary>The OAuth <c>error</c> (e.g. <c>invalid_grant</c>) or GHL's <c>error</c> text, when given.</summary>
    public string? ErrorCode { get; }

    /// <summary>GHL's own words (error_description or message), with any credential text removed.</summary>
    public string ServerMessage { get; }

    /// <summary>True when GHL refused the grant or the client: a person has to act.</summary>
    public bool IsRejected { get; }

    private static string Describe(int? statusCode, string? errorCode, string serverMessage)
    {
        var status = statusCode is { } code ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no answer";
        return errorCode is null
            ? $"GHL token endpoint: {status}: {serverMessage}"
            : $"GHL token endpoint: {status} {errorCode}: {serverMessage}";
    }
}
