using RoezanGhl.Credentials.Secrets;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Credentials.Tests.Secrets;

public sealed class TokenRoutingSecretStoreTests
{
    private readonly InMemorySecretStore _config = new();
    private readonly InMemorySecretStore _tokens = new();

    [Fact]
    public async Task Ghl_tokens_are_written_to_and_read_from_the_tokens_vault_only()
    {
        var store = new TokenRoutingSecretStore(_config, _tokens);
        var name = SecretNames.GhlToken("loc-1");

        await store.SetSecretAsync(name, "token-value", CancellationToken.None);

        Assert.Equal("token-value", await _tokens.GetSecretAsync(name, bypassCache: false, CancellationToken.None));
        Assert.Null(await _config.GetSecretAsync(name, bypassCache: false, CancellationToken.None));
        Assert.Equal("token-value", await store.GetSecretAsync(name, bypassCache: true, CancellationToken.None));
    }

    [Fact]
    public async Task Every_other_secret_comes_from_the_config_vault()
    {
        _config.With(SecretNames.RoezanWebhookSecret("acme"), "webhook-secret").With(SecretNames.GhlOAuthClientSecret, "client-secret");
        _tokens.With(SecretNames.RoezanWebhookSecret("acme"), "not-this-one");
        var store = new TokenRoutingSecretStore(_config, _tokens);

        Assert.Equal("webhook-secret", await store.GetSecretAsync(SecretNames.RoezanWebhookSecret("acme"), bypassCache: false, CancellationToken.None));
        Assert.Equal("client-secret", await store.GetSecretAsync(SecretNames.GhlOAuthClientSecret, bypassCache: false, CancellationToken.None));
    }

    [Theory]
    [InlineData("ghl-token-loc-1", true)]
    [InlineData("ghl-oauth-client-id", false)]
    [InlineData("roezan-webhook-secret-ghl-token", false)]
    public void Only_names_built_by_GhlToken_count_as_tokens(string name, bool isToken) =>
        Assert.Equal(isToken, SecretNames.IsGhlToken(name));
}
