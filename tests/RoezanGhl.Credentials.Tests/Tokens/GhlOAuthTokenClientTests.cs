using System.Net;
using Microsoft.Extensions.Options;
using RoezanGhl.Credentials.Tokens;
using RoezanGhl.TestSupport.Tokens;

namespace RoezanGhl.Credentials.Tests.Tokens;

public sealed class GhlOAuthTokenClientTests : IDisposable
{
    private readonly FakeGhlTokenEndpoint _endpoint = new();
    private readonly GhlOAuthTokenClient _client;
    private readonly GhlOAuthClientCredentials _credentials = new(FakeGhlTokenEndpoint.ClientId, FakeGhlTokenEndpoint.ClientSecret);

    public GhlOAuthTokenClientTests() =>
        _client = new GhlOAuthTokenClient(new FakeHttpClientFactory(_endpoint), Options.Create(new GhlOAuthOptions { TokenUrl = "https://ghl.test/oauth/token" }));

    public void Dispose() => _endpoint.Dispose();

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"Invalid grant: refresh token is invalid"}""", "invalid_grant", "Invalid grant: refresh token is invalid")]
    [InlineData(HttpStatusCode.BadRequest, """{"statusCode":400,"message":"Location is not active"}""", null, "Location is not active")]
    [InlineData(HttpStatusCode.Unauthorized, """{"statusCode":401,"message":"Invalid token: access token is invalid","error":"Unauthorized"}""", "Unauthorized", "Invalid token: access token is invalid")]
    [InlineData(HttpStatusCode.UnprocessableEntity, """{"statusCode":422,"message":["refresh_token must be a string","user_type is invalid"],"error":"Unprocessable Entity"}""", "Unprocessable Entity", "refresh_token must be a string; user_type is invalid")]
    public async Task Refusals_carry_ghls_code_and_message_and_count_as_rejected(HttpStatusCode status, string body, string? errorCode, string message)
    {
        _endpoint.ForcedAnswer = (status, body);

        var ex = await Assert.ThrowsAsync<GhlTokenEndpointException>(() => _client.RefreshAsync(_credentials, "test-refresh-0", CancellationToken.None));

        Assert.True(ex.IsRejected);
        Assert.Equal((int)status, ex.StatusCode);
        Assert.Equal(errorCode, ex.ErrorCode);
        Assert.Equal(message, ex.ServerMessage);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task Load_and_server_failures_are_not_refusals(HttpStatusCode status)
    {
        _endpoint.ForcedAnswer = (status, "upstream trouble");

        var ex = await Assert.ThrowsAsync<GhlTokenEndpointException>(() => _client.RefreshAsync(_credentials, "test-refresh-0", CancellationToken.None));

        Assert.False(ex.IsRejected);
    }

    [Fact]
    public async Task A_message_that_echoes_a_credential_has_it_removed()
    {
        _endpoint.ForcedAnswer = (HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"refresh token test-refresh-0 was used; client test-client-secret-1"}""");

        var ex = await Assert.ThrowsAsync<GhlTokenEndpointException>(() => _client.RefreshAsync(_credentials, "test-refresh-0", CancellationToken.None));

        Assert.DoesNotContain("test-refresh-0", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeGhlTokenEndpoint.ClientSecret, ex.Message, StringComparison.Ordinal);
        Assert.Contains("refresh token *** was used", ex.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_without_an_access_token_is_a_passing_failure()
    {
        _endpoint.ForcedAnswer = (HttpStatusCode.OK, """{"token_type":"Bearer"}""");

        var ex = await Assert.ThrowsAsync<GhlTokenEndpointException>(() => _client.RefreshAsync(_credentials, "test-refresh-0", CancellationToken.None));

        Assert.False(ex.IsRejected);
        Assert.Equal("invalid_response", ex.ErrorCode);
    }

    [Fact]
    public async Task A_network_failure_is_a_passing_failure()
    {
        var client = new GhlOAuthTokenClient(new FakeHttpClientFactory(new FailingHandler()), Options.Create(new GhlOAuthOptions { TokenUrl = "https://ghl.test/oauth/token" }));

        var ex = await Assert.ThrowsAsync<GhlTokenEndpointException>(() => client.RefreshAsync(_credentials, "test-refresh-0", CancellationToken.None));

        Assert.False(ex.IsRejected);
        Assert.Null(ex.StatusCode);
    }

    private sealed class FailingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("connection refused (test)");
    }
}
