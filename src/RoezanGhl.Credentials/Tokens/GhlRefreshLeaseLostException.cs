namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// The token refresh lease of a location was lost before its refresh token was spent: the refresh stops, since another
/// instance may be refreshing now. A passing failure: the next call reads what that instance stored.
/// </summary>
public sealed class GhlRefreshLeaseLostException : Exception
{
    public GhlRefreshLeaseLostException()
    {
    }

    public GhlRefreshLeaseLostException(string message)
        : base(message)
    {
    }

    public GhlRefreshLeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static GhlRefreshLeaseLostException For(string locationId) =>
        new($"The token refresh lease of GHL location '{locationId}' was lost before the refresh was sent; the refresh was stopped. Retry later.");
}
