using RoezanGhl.Credentials.Secrets;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>The marketplace app's client id and secret, read from the secret store. <see cref="ToString"/> hides the secret.</summary>
public sealed record GhlOAuthClientCredentials(string ClientId, string ClientSecret)
{
    /// <summary>Both secrets, or null when either is missing (the deployment uses Private Integration tokens only).</summary>
    public static async Task<GhlOAuthClientCredentials?> LoadAsync(ISecretStore secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var clientId = await secrets.GetSecretAsync(SecretNames.GhlOAuthClientId, bypassCache: false, cancellationToken).ConfigureAwait(false);
        var clientSecret = await secrets.GetSecretAsync(SecretNames.GhlOAuthClientSecret, bypassCache: false, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(clientId) || string.IsNullOrWhiteSpace(clientSecret)
            ? null
            : new GhlOAuthClientCredentials(clientId.Trim(), clientSecret.Trim());
    }

    public override string ToString() => $"GhlOAuthClientCredentials {{ ClientId = {ClientId}, ClientSecret = *** }}";
}
