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

    [Fact]
    public void A_cache_longer_than_five_minutes_is_refused_naming_the_setting()
    {
        var options = new SecretStoreOptions { CacheDuration = TimeSpan.FromMinutes(6) };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains("KeyVault:CacheDuration", Assert.Single(results).ErrorMessage, StringComparison.Ordinal);
    }
}
