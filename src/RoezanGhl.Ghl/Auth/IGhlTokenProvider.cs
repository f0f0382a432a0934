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
}
