using System.Text.Json.Serialization;
using RoezanGhl.Ghl.Auth;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// One location's OAuth tokens as stored in its token secret (<c>ghl-token-{locationId}</c>), as JSON. Each
/// refresh writes a new secret version holding the new pair. <see cref="ToString"/> never shows the tokens.
/// </summary>
public sealed record GhlOAuthTokenSet
{
    [JsonPropertyName("accessToken")]
    public required string AccessToken { get; init; }

    /// <summary>Single-use: a refresh answers with a new one and the old one is spent.</summary>
    [JsonPropertyName("refreshToken")]
    public required string RefreshToken { get; init; }

    [JsonPropertyName("expiresAt")]
    public required DateTimeOffset ExpiresAt { get; init; }

    [JsonPropertyName("locationId")]
    public required string LocationId { get; init; }

    [JsonPropertyName("companyId")]
    public string? CompanyId { get; init; }

    /// <summary><c>Location</c> for a sub-account token, the only kind this app uses.</summary>
    [JsonPropertyName("userType")]
    public string UserType { get; init; } = "Location";

    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    /// <summary>When this pair came from the token endpoint.</summary>
    [JsonPropertyName("obtainedAt")]
    public DateTimeOffset? ObtainedAt { get; init; }

    /// <summary>True when the access token expires within <paramref name="lead"/> of <paramref name="now"/>.</summary>
    public bool ExpiresWithin(TimeSpan lead, DateTimeOffset now) => ExpiresAt - lead <= now;

    public GhlAccessToken ToAccessToken() => new(AccessToken, ExpiresAt);

    public override string ToString() =>
        $"GhlOAuthTokenSet {{ LocationId = {LocationId}, ExpiresAt = {ExpiresAt:O}, AccessToken = {GhlAccessToken.Redact(AccessToken)}, RefreshToken = *** }}";
}
