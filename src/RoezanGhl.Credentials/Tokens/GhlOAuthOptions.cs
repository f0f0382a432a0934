using RoezanGhl.Storage;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// The <c>GhlOAuth</c> configuration section: the marketplace-app install flow and the refresh of OAuth
/// tokens. Every setting has a default except <see cref="RedirectUri"/>, which only the install flow
/// needs, so a deployment that uses Private Integration tokens only sets nothing here.
/// </summary>
public sealed class GhlOAuthOptions
{
    public const string SectionName = "GhlOAuth";

    public const string DefaultChooseLocationUrl = "https://marketplace.gohighlevel.com/oauth/chooselocation";

    public const string DefaultGhlBaseUrl = "https://services.leadconnectorhq.com";

    /// <summary>HighLevel's page where the installing user picks the sub-account (location).</summary>
    public string ChooseLocationUrl { get; set; } = DefaultChooseLocationUrl;

    /// <summary>
    /// This app's callback, exactly as registered in the marketplace app, e.g.
    /// <c>https://my-func.azurewebsites.net/api/ghl/oauth/callback</c>. Needed only to install via OAuth.
    /// </summary>
    public string? RedirectUri { get; set; }

    /// <summary>
    /// Whether an install may replace a location's Private Integration token that GHL has not refused
    /// (<c>GhlOAuth__AllowReplacingPrivateIntegrationToken</c>). Off: such an install stores nothing and the page
    /// says what it would replace, so that a working token is never swapped by accident.
    /// </summary>
    public bool AllowReplacingPrivateIntegrationToken { get; set; }

    /// <summary>Scopes asked for at install, separated by spaces.</summary>
    public string Scopes { get; set; } = "contacts.readonly contacts.write";

    /// <summary>How long before expiry an OAuth access token is refreshed.</summary>
    public TimeSpan RefreshLead { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an install link (its signed <c>state</c>) stays valid.</summary>
    public TimeSpan StateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The token endpoint. Empty: <c>{Ghl:BaseUrl}/oauth/token</c>.</summary>
    public string? TokenUrl { get; set; }

    /// <summary>
    /// Blob container holding one lease blob per location, so that one instance at a time refreshes (and the
    /// reconciler's per-location leases). Validated here; the app reads the name from <see cref="StorageNames.LeaseContainer"/>.
    /// </summary>
    public string LeaseContainer { get; set; } = StorageNames.DefaultLeaseContainer;

    /// <summary>The refresh lease (15-60 s, Blob storage's range); renewed while a refresh runs, lost within this time after a crash.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an instance waits for another instance's refresh before giving up (and retrying later).</summary>
    public TimeSpan LeaseWaitTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>How often a waiting instance tries the lease again.</summary>
    public TimeSpan LeasePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time allowed for one call to the token endpoint.</summary>
    public TimeSpan TokenRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a refreshed pair that could not be written to the secret store is retried (with the same pair)
    /// within one call; after that the pair stays in memory and is written before anything else next time.
    /// </summary>
    public TimeSpan StoreRetryWindow { get; set; } = TimeSpan.FromMinutes(1);
}
