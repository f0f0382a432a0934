using Azure;
using Azure.Security.KeyVault.Secrets;
using Moq;
using RoezanGhl.Credentials.Secrets;

namespace RoezanGhl.Credentials.Tests.Secrets;

public sealed class KeyVaultSecretStoreTests
{
    private readonly Mock<SecretClient> _client = new(MockBehavior.Strict);

    [Fact]
    public async Task Reads_the_current_version_of_a_secret()
    {
        var secret = SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: "ghl-token-loc-1"), "pit-test-token-a");
        _client.Setup(c => c.GetSecretAsync("ghl-token-loc-1", null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(secret, Mock.Of<Response>()));
        var store = new KeyVaultSecretStore(_client.Object);

        var value = await store.GetSecretAsync("ghl-token-loc-1", bypassCache: false, CancellationToken.None);

        Assert.Equal("pit-test-token-a", value);
    }

    [Fact]
    public async Task A_secret_the_vault_does_not_have_reads_as_null()
    {
        _client.Setup(c => c.GetSecretAsync("ghl-token-unknown", null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(404, "Secret not found", "SecretNotFound", null));
        var store = new KeyVaultSecretStore(_client.Object);

        Assert.Null(await store.GetSecretAsync("ghl-token-unknown", bypassCache: true, CancellationToken.None));
    }

    [Fact]
    public async Task Other_vault_failures_are_not_hidden()
    {
        _client.Setup(c => c.GetSecretAsync("ghl-token-loc-1", null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(403, "Forbidden", "Forbidden", null));
        var store = new KeyVaultSecretStore(_client.Object);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => store.GetSecretAsync("ghl-token-loc-1", bypassCache: false, CancellationToken.None));
        Assert.Equal(403, ex.Status);
    }

    [Fact]
    public async Task A_write_sets_a_new_version_with_the_name_and_value()
    {
        KeyVaultSecret? written = null;
        _client.Setup(c => c.SetSecretAsync(It.IsAny<KeyVaultSecret>(), It.IsAny<CancellationToken>()))
            .Callback<KeyVaultSecret, CancellationToken>((s, _) => written = s)
            .ReturnsAsync((KeyVaultSecret s, CancellationToken _) => Response.FromValue(
                SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: s.Name, version: "v2"), s.Value), Mock.Of<Response>()));
        var store = new KeyVaultSecretStore(_client.Object);

        await store.SetSecretAsync("ghl-token-loc-1", """{"accessToken":"test-access-1"}""", CancellationToken.None);

        Assert.NotNull(written);
        Assert.Equal("ghl-token-loc-1", written.Name);
        Assert.Equal("""{"accessToken":"test-access-1"}""", written.Value);
        _client.Verify(c => c.SetSecretAsync(It.IsAny<KeyVaultSecret>(), It.IsAny<CancellationToken>()), Times.Once);
    }
}
