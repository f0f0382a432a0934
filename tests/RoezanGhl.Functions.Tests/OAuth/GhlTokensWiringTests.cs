using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Credentials.Tokens;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Functions.Tests.OAuth;

[IntegrationLane]
public sealed class GhlTokensWiringTests
{
    [Fact]
    public async Task Without_a_vault_secrets_come_from_local_settings_and_the_app_says_so_once()
    {
        await using var host = await FunctionsTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Secrets:ghl-token-loc-demo"] = "pit-test-token-a",
            ["Secrets:roezan-webhook-secret-demo"] = "test-secret-1,test-secret-2",
        });
        foreach (var service in host.Services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        var token = await host.Services.GetRequiredService<IGhlTokenProvider>().GetTokenAsync("loc-demo", CancellationToken.None);
        var webhookSecrets = WebhookSecretSet.Parse(await host.Services.GetRequiredService<ISecretStore>().GetSecretAsync(SecretNames.RoezanWebhookSecret("demo"), false, CancellationToken.None));

        Assert.Equal("pit-test-token-a", token.Value);
        Assert.Equal(["test-secret-1", "test-secret-2"], webhookSecrets.Secrets);
        var notice = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Name == "SecretsFromLocalSettings");
        Assert.Equal(LogLevel.Warning, notice.Level);
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Message.Contains("pit-test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_vault_uri_secrets_come_from_that_vault()
    {
        await using var host = await FunctionsTestHost.StartAsync(new Dictionary<string, string?> { ["KeyVault:VaultUri"] = "https://roezan-test.vault.azure.net/" });

        var client = host.Services.GetRequiredService<IAzureClientFactory<SecretClient>>().CreateClient("Default");

        Assert.Equal(new Uri("https://roezan-test.vault.azure.net/"), client.VaultUri);
        Assert.IsType<CachingSecretStore>(host.Services.GetRequiredService<ISecretStore>());
        Assert.True(host.Services.GetRequiredService<IOptions<SecretStoreOptions>>().Value.UsesKeyVault);
    }

    [Fact]
    public async Task A_vault_uri_that_is_not_https_stops_the_app_naming_the_setting()
    {
        await using var host = await FunctionsTestHost.StartAsync(new Dictionary<string, string?> { ["KeyVault:VaultUri"] = "http://roezan-test.vault.azure.net/" }, validateOnStart: false);

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SecretStoreOptions>>().Value);

        Assert.Contains("KeyVault:VaultUri", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_oauth_setting_stops_the_app_naming_it()
    {
        await using var host = await FunctionsTestHost.StartAsync(new Dictionary<string, string?> { ["GhlOAuth:RefreshLead"] = "1.00:00:00" }, validateOnStart: false);

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<GhlOAuthOptions>>().Value);

        Assert.Contains("GhlOAuth:RefreshLead", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_integration_deployment_needs_no_oauth_settings_and_the_token_url_follows_the_ghl_base_url()
    {
        await using var host = await FunctionsTestHost.StartAsync(new Dictionary<string, string?> { ["GhlOAuth:RedirectUri"] = null });

        var options = host.Services.GetRequiredService<IOptions<GhlOAuthOptions>>().Value;

        Assert.Equal("http://127.0.0.1:5081/oauth/token", options.TokenUrl);
        Assert.Equal(TimeSpan.FromMinutes(10), options.RefreshLead);
    }

    [Fact]
    public async Task The_token_provider_is_one_instance_for_the_whole_app()
    {
        await using var host = await FunctionsTestHost.StartAsync();

        Assert.Same(host.Services.GetRequiredService<IGhlTokenProvider>(), host.Services.GetRequiredService<GhlTokenProvider>());
        Assert.Same(host.Services.GetRequiredService<IGhlTokenProvider>(), host.Services.GetRequiredService<IGhlTokenProvider>());
    }
}
