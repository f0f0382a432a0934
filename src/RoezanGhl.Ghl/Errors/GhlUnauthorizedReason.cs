namespace RoezanGhl.Ghl.Errors;

/// <summary>What a 401 from GHL means; GHL uses the same status for both and tells them apart only in its message.</summary>
public enum GhlUnauthorizedReason
{
    /// <summary>The token is not (or no longer) valid: <c>Invalid JWT</c>, <c>Invalid token: access token is invalid</c>. A refresh may help.</summary>
    InvalidToken = 0,

    /// <summary>
    /// The token is valid but may not call this endpoint: <c>The token is not authorized for this scope.</c> or
    /// <c>This authClass type is not allowed to access this scope.</c> A refresh gives the same scopes, so it does not help.
    /// </summary>
    MissingScope = 1,
}
