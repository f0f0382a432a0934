using Azure;
using Azure.Security.KeyVault.Secrets;

namespace RoezanGhl.Credentials.Secrets;

/// <summary>Secrets in Azure Key Vault. Every write is a new secret version, so earlier values stay recoverable.</summary>
public sealed class KeyVaultSecretStore : ISecretStore
{
    private readonly SecretClient _client;

    public KeyVaultSecretStore(SecretClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    public async Task<string?> GetSecretAsync(string name, bool bypassCache, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        try
        {
            var response = await _client.GetSecretAsync(name, version: null, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrEmpty(response.Value.Value) ? null : response.Value.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task SetSecretAsync(string name, string value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrEmpty(value);
        await _client.SetSecretAsync(new KeyVaultSecret(name, value), cancellationToken).ConfigureAwait(false);
    }
}
