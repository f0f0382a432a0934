namespace RoezanGhl.Credentials.Secrets;

/// <summary>
/// Named secrets: Key Vault in Azure, local settings (<c>Secrets__{name}</c>) on a developer machine.
/// Names use Key Vault's alphabet (letters, digits, dashes); <see cref="SecretNames"/> builds them.
/// </summary>
public interface ISecretStore
{
    /// <summary>
    /// The current value, or null when the secret does not exist. Implementations may cache for a short
    /// time; <paramref name="bypassCache"/> forces a fresh read (after a 401, say).
    /// </summary>
    Task<string?> GetSecretAsync(string name, bool bypassCache, CancellationToken cancellationToken);

    /// <summary>Writes a new version of the secret (Key Vault keeps the old versions).</summary>
    Task SetSecretAsync(string name, string value, CancellationToken cancellationToken);
}
