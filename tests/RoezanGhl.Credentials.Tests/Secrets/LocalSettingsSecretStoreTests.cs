using Microsoft.Extensions.Configuration;
using RoezanGhl.Credentials.Secrets;

namespace RoezanGhl.Credentials.Tests.Secrets;

public sealed class LocalSettingsSecretStoreTests
{
    private readonly IConfiguration _configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Secrets:roezan-webhook-secret-demo"] = "test-secret-1, test-secret-2",
            ["Secrets:ghl-token-loc-demo"] = "pit-test-token-a",
            ["Secrets:ghl-token-loc-blank"] = string.Empty,
        })
        .Build();

    [Fact]
    public async Task Reads_secrets_from_the_secrets_section()
    {
        var store = new LocalSettingsSecretStore(_configuration);

        Assert.Equal("pit-test-token-a", await store.GetSecretAsync("ghl-token-loc-demo", bypassCache: false, CancellationToken.None));
        Assert.Equal("test-secret-1, test-secret-2", await store.GetSecretAsync(SecretNames.RoezanWebhookSecret("demo"), bypassCache: true, CancellationToken.None));
    }

    [Fact]
    public async Task Missing_and_blank_secrets_read_as_null()
    {
        var store = new LocalSettingsSecretStore(_configuration);

        Assert.Null(await store.GetSecretAsync("ghl-token-loc-unknown", bypassCache: false, CancellationToken.None));
        Assert.Null(await store.GetSecretAsync("ghl-token-loc-blank", bypassCache: false, CancellationToken.None));
    }

    [Fact]
    public async Task A_write_is_read_back_for_the_life_of_the_process()
    {
        var store = new LocalSettingsSecretStore(_configuration);

        await store.SetSecretAsync("ghl-token-loc-demo", "pit-test-token-b", CancellationToken.None);

        Assert.Equal("pit-test-token-b", await store.GetSecretAsync("ghl-token-loc-demo", bypassCache: true, CancellationToken.None));
        Assert.Equal("pit-test-token-a", _configuration["Secrets:ghl-token-loc-demo"]);
    }
}
