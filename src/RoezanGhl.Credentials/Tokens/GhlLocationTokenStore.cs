using RoezanGhl.Credentials.Secrets;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// What is stored about each location's GHL token, shared by the token provider and the OAuth install: the secret
/// <c>ghl-token-{locationId}</c>, the refresh lease (<see cref="ITokenRefreshLock"/>) that lets one writer at a time
/// replace it across instances, the location's needs-attention status (<see cref="ILocationStatusStore"/>), and the
/// marketplace app's client credentials that a refresh or an install spends.
/// </summary>
public sealed class GhlLocationTokenStore
{
    private readonly ISecretStore _secrets;
    private readonly ITokenRefreshLock _refreshLock;

    public GhlLocationTokenStore(ISecretStore secrets, ITokenRefreshLock refreshLock, ILocationStatusStore statuses)
    {
        _secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
        _refreshLock = refreshLock ?? throw new ArgumentNullException(nameof(refreshLock));
        Statuses = statuses ?? throw new ArgumentNullException(nameof(statuses));
    }

    /// <summary>The locations' needs-attention marks, shared by every instance.</summary>
    public ILocationStatusStore Statuses { get; }

    /// <summary>The location's token secret; <paramref name="bypassCache"/> reads past the secret cache (another instance or a person may have changed it).</summary>
    public async Task<GhlTokenSecret> ReadAsync(string locationId, bool bypassCache, CancellationToken cancellationToken)
    {
        var value = await _secrets.GetSecretAsync(SecretNames.GhlToken(locationId), bypassCache, cancellationToken).ConfigureAwait(false);
        return GhlTokenSecret.Read(value);
    }

    /// <summary>Writes <paramref name="set"/> as the location's token secret (a new secret version). Hold the location's lease.</summary>
    public Task WriteAsync(string locationId, GhlOAuthTokenSet set, CancellationToken cancellationToken) =>
        _secrets.SetSecretAsync(SecretNames.GhlToken(locationId), GhlTokenSecret.Write(set), cancellationToken);

    /// <summary>Waits for the location's refresh lease; disposing the result releases it.</summary>
    /// <exception cref="TimeoutException">Another holder kept it longer than the configured wait.</exception>
    public Task<ITokenRefreshLease> LockAsync(string locationId, CancellationToken cancellationToken) =>
        _refreshLock.AcquireAsync(locationId, cancellationToken);

    /// <summary>The marketplace app's client id and secret, or null when either secret is missing.</summary>
    public Task<GhlOAuthClientCredentials?> LoadClientAsync(CancellationToken cancellationToken) =>
        GhlOAuthClientCredentials.LoadAsync(_secrets, cancellationToken);
}
