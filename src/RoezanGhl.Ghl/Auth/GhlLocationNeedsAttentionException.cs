namespace RoezanGhl.Ghl.Auth;

/// <summary>
/// A location cannot be called until a person acts: the OAuth grant was revoked (<c>invalid_grant</c>),
/// the location is not active (billing), or the token lacks access to it. Callers stop working on the
/// location, keep its events waiting and surface the reason; retrying does not help.
/// </summary>
public sealed class GhlLocationNeedsAttentionException : Exception
{
    public GhlLocationNeedsAttentionException(string locationId, string reason, Exception? innerException = null)
        : base($"GHL location '{locationId}' needs attention: {reason}", innerException)
    {
        LocationId = locationId;
        Reason = reason;
    }

    public GhlLocationNeedsAttentionException()
        : this("(unknown)", "unknown reason")
    {
    }

    public GhlLocationNeedsAttentionException(string message)
        : this("(unknown)", message)
    {
    }

    public string LocationId { get; }

    public string Reason { get; }
}
