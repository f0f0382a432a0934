using System.ComponentModel.DataAnnotations;
using RoezanGhl.Credentials.Secrets;

namespace RoezanGhl.Credentials.Tests.Secrets;

public sealed class SecretStoreOptionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://roezan-test.vault.azure.net/")]
    public void No_vault_or_an_https_vault_is_accepted(string? vaultUri)
    {
        var result = new SecretStoreOptionsValidator().Validate(null, new SecretStoreOptions { VaultUri = vaultUri });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("roezan-test")]
    [InlineData("http://roezan-test.vault.azure.net/")]
    public void A_vault_that_is_not_an_https_url_is_refused_naming_the_setting(string vaultUri)
    {
        var result = new SecretStoreOptionsValidator().Validate(null, new SecretStoreOptions { VaultUri = vaultUri });

        Assert.True(result.Failed);
        Assert.Contains("KeyVault:VaultUri", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kvt")]
    [InlineData("http://roezan-tokens.vault.azure.net/")]
    public void A_tokens_vault_that_is_not_an_https_url_is_refused_naming_the_setting(string tokensVaultUri)
    {
        var result = new SecretStoreOptionsValidator().Validate(null, new SecretStoreOptions { VaultUri = "https://roezan-test.vault.azure.net/", TokensVaultUri = tokensVaultUri });

        Assert.True(result.Failed);
        Assert.Contains("KeyVault:TokensVaultUri", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tokens_vault_without_the_main_vault_is_refused_naming_both_settings()
    {
        var result = new SecretStoreOptionsValidator().Validate(null, new SecretStoreOptions { TokensVaultUri = "https://roezan-tokens.vault.azure.net/" });

        Assert.True(result.Failed);
        Assert.Contains("KeyVault:TokensVaultUri", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("KeyVault:VaultUri", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_https_vaults_are_accepted_and_the_tokens_get_their_own()
    {
        var options = new SecretStoreOptions { VaultUri = "https://roezan-test.vault.azure.net/", TokensVaultUri = "https://roezan-tokens.vault.azure.net/" };

        Assert.True(new SecretStoreOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(options.UsesTokensVault);
        Assert.False(new SecretStoreOptions { VaultUri = options.VaultUri }.UsesTokensVault);
    }

    [Fact]
    public void A_cache_longer_than_five_minutes_is_refused_naming_the_setting()
    {
        var options = new SecretStoreOptions { CacheDuration = TimeSpan.FromMinutes(6) };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains("KeyVault:CacheDuration", Assert.Single(results).ErrorMessage, StringComparison.Ordinal);
    }
}
