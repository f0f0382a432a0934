namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// One holder at a time per location, across every instance of the app: only the holder may spend the
/// location's refresh token or write a new token set.
/// </summary>
public interface ITokenRefreshLock
{
    /// <summary>Waits until this caller holds the location's lock; disposing the result releases it, and its <see cref="ITokenRefreshLease.Lost"/> says when it was lost meanwhile.</summary>
    /// <exception cref="TimeoutException">Another holder kept it longer than the configured wait.</exception>
    Task<ITokenRefreshLease> AcquireAsync(string locationId, CancellationToken cancellationToken);
}
