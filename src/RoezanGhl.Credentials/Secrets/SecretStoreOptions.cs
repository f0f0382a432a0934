using System.ComponentModel.DataAnnotations;

namespace RoezanGhl.Credentials.Secrets;

/// <summary>
/// The <c>KeyVault</c> configuration section. With <see cref="VaultUri"/> set, secrets come from Key Vault
/// through <c>DefaultAzureCredential</c>; without it they come from local settings (<c>Secrets:{name}</c>).
/// </summary>
public sealed class SecretStoreOptions
{
    public const string SectionName = "KeyVault";

    /// <summary>The vault, e.g. <c>https://my-vault.vault.azure.net/</c> (<c>KeyVault__VaultUri</c>). Empty on a developer machine.</summary>
    public string? VaultUri { get; set; }

    /// <summary>
    /// The vault that holds the GHL tokens (<c>ghl-token-*</c>), which the app writes on every OAuth refresh
    /// (<c>KeyVault__TokensVaultUri</c>). The template deploys two vaults so that the app can only read the
    /// webhook secrets, API keys and OAuth client credentials of <see cref="VaultUri"/>. Empty: tokens live in
    /// <see cref="VaultUri"/> too.
    /// </summary>
    public string? TokensVaultUri { get; set; }

    /// <summary>
    /// Client id of the user-assigned managed identity that reads the vault. Empty: <c>DefaultAzureCredential</c>
    /// picks the identity itself (system-assigned, or <c>AZURE_CLIENT_ID</c>).
    /// </summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// How long a secret read is reused. Short, so that a secret rotated in the vault takes effect within a
    /// minute without a restart; a 401 bypasses it at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "KeyVault:CacheDuration must be between 00:00:00 and 00:05:00.")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when the vault is configured.</summary>
    public bool UsesKeyVault => !string.IsNullOrWhiteSpace(VaultUri);

    /// <summary>True when the GHL tokens have a vault of their own.</summary>
    public bool UsesTokensVault => UsesKeyVault && !string.IsNullOrWhiteSpace(TokensVaultUri);
}
