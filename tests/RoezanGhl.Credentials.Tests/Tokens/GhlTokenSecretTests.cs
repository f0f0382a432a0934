using RoezanGhl.Credentials.Tokens;

namespace RoezanGhl.Credentials.Tests.Tokens;

public sealed class GhlTokenSecretTests
{
    [Fact]
    public void Plain_text_is_a_private_integration_token()
    {
        var secret = GhlTokenSecret.Read(" pit-test-token-a\n");

        Assert.Equal(GhlTokenSecretKind.PrivateIntegration, secret.Kind);
        Assert.Equal("pit-test-token-a", secret.Value);
    }

    [Fact]
    public void A_token_set_survives_a_round_trip_through_its_json()
    {
        var set = new GhlOAuthTokenSet
        {
            AccessToken = "test-access-1",
            RefreshToken = "test-refresh-1",
            ExpiresAt = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero),
            LocationId = "loc-test-1",
            CompanyId = "company-test-1",
            Scope = "contacts.readonly",
        };

        var json = GhlTokenSecret.Write(set);
        var read = GhlTokenSecret.Read(json);

        Assert.Equal(GhlTokenSecretKind.OAuth, read.Kind);
        Assert.Equal(set, read.OAuth);
        Assert.Contains("\"accessToken\":\"test-access-1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"expiresAt\":\"2026-11-25T10:00:00+00:00\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"accessToken":"test-access-1"}""")]
    [InlineData("""{"accessToken":"","refreshToken":"test-refresh-1","expiresAt":"2026-11-25T10:00:00Z","locationId":"loc-test-1"}""")]
    public void Json_that_is_not_a_whole_token_set_is_unreadable(string value)
    {
        Assert.Equal(GhlTokenSecretKind.Unreadable, GhlTokenSecret.Read(value).Kind);
    }

    [Fact]
    public void The_same_value_has_the_same_fingerprint_and_a_new_value_another()
    {
        Assert.Equal(GhlTokenSecret.Read("pit-test-token-a").Fingerprint, GhlTokenSecret.Read("pit-test-token-a").Fingerprint);
        Assert.NotEqual(GhlTokenSecret.Read("pit-test-token-a").Fingerprint, GhlTokenSecret.Read("pit-test-token-b").Fingerprint);
        Assert.DoesNotContain("pit-test", GhlTokenSecret.Read("pit-test-token-a").Fingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_set_as_text_shows_no_token()
    {
        var set = new GhlOAuthTokenSet { AccessToken = "test-access-1234567", RefreshToken = "test-refresh-1", ExpiresAt = DateTimeOffset.UnixEpoch, LocationId = "loc-test-1" };

        var text = set.ToString();

        Assert.DoesNotContain("test-access-1234567", text, StringComparison.Ordinal);
        Assert.DoesNotContain("test-refresh-1", text, StringComparison.Ordinal);
        Assert.Contains("loc-test-1", text, StringComparison.Ordinal);
    }
}
