namespace RoezanGhl.Credentials.Secrets;

/// <summary>The one place that names the secrets the app reads and writes.</summary>
public static class SecretNames
{
    /// <summary>
    /// The Roezan webhook secret(s) of one account. Several secrets, separated by commas or whitespace,
    /// are all accepted, so that a secret can be rotated with overlap.
    /// </summary>
    public static string RoezanWebhookSecret(string accountId) => $"roezan-webhook-secret-{Sanitize(accountId)}";

    /// <summary>
    /// The GHL token of one location: a Private Integration token (<c>pit-…</c>) as plain text, or an
    /// OAuth token set as JSON (access token, refresh token, expiry).
    /// </summary>
    public static string GhlToken(string locationId) => GhlTokenPrefix + Sanitize(locationId);

    /// <summary>The prefix of every GHL token secret: the ones the app writes (and the tokens vault holds).</summary>
    public const string GhlTokenPrefix = "ghl-token-";

    /// <summary>True for a GHL token's secret name (<see cref="GhlToken"/>).</summary>
    public static bool IsGhlToken(string name) => name is not null && name.StartsWith(GhlTokenPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The <c>X-API-Key</c> of one account's Roezan integration API. Optional: with it the reconciler polls
    /// Roezan for inbound messages the webhook missed; without it that step is skipped.
    /// </summary>
    public static string RoezanApiKey(string accountId) => $"roezan-api-key-{Sanitize(accountId)}";

    /// <summary>Key Vault's limit on a secret name.</summary>
    public const int MaxLength = 127;

    public const string GhlOAuthClientId = "ghl-oauth-client-id";

    public const string GhlOAuthClientSecret = "ghl-oauth-client-secret";

    /// <summary>
    /// The HMAC key that signs the OAuth install <c>state</c>. Optional: without it the key is derived from
    /// the client secret, so that an OAuth deployment needs no extra secret.
    /// </summary>
    public const string GhlOAuthStateKey = "ghl-oauth-state-key";

    /// <summary>
    /// Key Vault secret names allow only letters, digits and dashes, so every other character becomes a dash:
    /// ids that differ only there share a name (<see cref="AccountSecretNamesValidator"/> stops the app on that).
    /// </summary>
    public static string Sanitize(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return string.Create(id.Length, id, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-';
            }
        });
    }
}
