using Microsoft.Extensions.Options;

namespace RoezanGhl.Credentials.Secrets;

/// <summary>Names the bad setting when <c>KeyVault:VaultUri</c> is set but is not an https URL.</summary>
internal sealed class SecretStoreOptionsValidator : IValidateOptions<SecretStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, SecretStoreOptions options)
    {
        if (!options.UsesKeyVault)
        {
            return ValidateOptionsResult.Success;
        }

        return Uri.TryCreate(options.VaultUri, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("KeyVault:VaultUri must be the vault's https URL, e.g. https://my-vault.vault.azure.net/, or empty to read secrets from local settings.");
    }
}
