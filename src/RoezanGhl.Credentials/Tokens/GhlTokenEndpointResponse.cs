using System.Text.Json.Serialization;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>The 200 answer of <c>POST /oauth/token</c> (GetAccessCodeSuccessfulResponseDto in oauth.json).</summary>
public sealed record GhlTokenEndpointResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    /// <summary>Seconds until the access token expires (about a day).</summary>
    [JsonPropertyName("expires_in")]
    public double? ExpiresIn { get; init; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }

    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    [JsonPropertyName("userType")]
    public string? UserType { get; init; }

    [JsonPropertyName("locationId")]
    public string? LocationId { get; init; }

    [JsonPropertyName("companyId")]
    public string? CompanyId { get; init; }

    [JsonPropertyName("userId")]
    public string? UserId { get; init; }

    /// <summary>
    /// The token set to store, obtained at <paramref name="now"/>. After a refresh, what the answer leaves out
    /// is kept from <paramref name="previous"/>; after an install the answer must name the location.
    /// </summary>
    public GhlOAuthTokenSet ToTokenSet(DateTimeOffset now, GhlOAuthTokenSet? previous = null)
    {
        if (string.IsNullOrWhiteSpace(AccessToken))
        {
            throw new InvalidOperationException("The token endpoint's answer carried no access token.");
        }

        var refreshToken = string.IsNullOrWhiteSpace(RefreshToken) ? previous?.RefreshToken : RefreshToken;
        var locationId = string.IsNullOrWhiteSpace(LocationId) ? previous?.LocationId : LocationId;
        if (refreshToken is null || locationId is null)
        {
            throw new InvalidOperationException("The token endpoint's answer named no refresh token or no location (a company-level install?).");
        }

        // GHL documents about a day; when the answer omits it, assume a little less so that refresh comes early.
        var lifetime = ExpiresIn is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromHours(23);
        return new GhlOAuthTokenSet
        {
            AccessToken = AccessToken,
            RefreshToken = refreshToken,
            ExpiresAt = now + lifetime,
            LocationId = locationId,
            CompanyId = CompanyId ?? previous?.CompanyId,
            UserType = UserType ?? previous?.UserType ?? "Location",
            Scope = Scope ?? previous?.Scope,
            ObtainedAt = now,
        };
    }

    public override string ToString() => $"GhlTokenEndpointResponse {{ LocationId = {LocationId}, UserType = {UserType}, ExpiresIn = {ExpiresIn} }}";
}
