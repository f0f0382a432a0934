using Microsoft.Extensions.Options;

namespace RoezanGhl.Credentials.Secrets;

/// <summary>
/// Names the bad setting when <c>KeyVault:VaultUri</c> or <c>KeyVault:TokensVaultUri</c> is set but is not an
/// https URL, or when a tokens vault is set without the main vault.
/// </summary>
internal sealed class SecretStoreOptionsValidator : IValidateOptions<SecretStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, SecretStoreOptions options)
    {
        var tokensVaultSet = !string.IsNullOrWhiteSpace(options.TokensVaultUri);
        if (!options.UsesKeyVault)
        {
            return tokensVaultSet
                ? ValidateOptionsResult.Fail("KeyVault:TokensVaultUri is set but KeyVault:VaultUri is not: set both (Azure) or neither (local settings).")
                : ValidateOptionsResult.Success;
        }

        if (!IsHttpsUrl(options.VaultUri))
        {
            return ValidateOptionsResult.Fail("KeyVault:VaultUri must be the vault's https URL, e.g. https://my-vault.vault.azure.net/, or empty to read secrets from local settings.");
        }

        return !tokensVaultSet || IsHttpsUrl(options.TokensVaultUri)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("KeyVault:TokensVaultUri must be the tokens vault's https URL, e.g. https://my-tokens.vault.azure.net/, or empty to keep the GHL tokens in KeyVault:VaultUri.");
    }

    private static bool IsHttpsUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
