namespace RoezanGhl.Ghl.Auth;

/// <summary>
/// Supplies the bearer token for one GHL location. The GHL client asks for a token before every
/// request and, after GHL answers 401, asks once more with the token that was rejected so that the
/// provider can re-read a rotated secret or refresh an OAuth token.
/// </summary>
public interface IGhlTokenProvider
{
    /// <summary>The token to use now for <paramref name="locationId"/>.</summary>
    ValueTask<GhlAccessToken> GetTokenAsync(string locationId, CancellationToken cancellationToken);

    /// <summary>
    /// Called after GHL rejected <paramref name="rejected"/> with 401. Returns a token that is newer than
    /// the rejected one, or throws <see cref="GhlLocationNeedsAttentionException"/> when none can be had
    /// without a person (revoked grant, location not active).
    /// </summary>
    ValueTask<GhlAccessToken> GetFreshTokenAsync(string locationId, GhlAccessToken rejected, CancellationToken cancellationToken);

    /// <summary>
    /// Called when GHL rejected <paramref name="renewed"/>, the token <see cref="GetFreshTokenAsync"/> had just given, as
    /// invalid too. Another refresh would spend a refresh token on a loop, so the provider marks the location as needing
    /// attention (while the secret holds this token) and returns the exception the caller throws.
    /// </summary>
    /// <param name="ghlMessage">GHL's message for the 401 (no token, no personal data).</param>
    ValueTask<GhlLocationNeedsAttentionException> RejectedAfterRenewalAsync(string locationId, GhlAccessToken renewed, string ghlMessage, CancellationToken cancellationToken);
}
