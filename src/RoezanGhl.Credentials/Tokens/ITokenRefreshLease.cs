namespace RoezanGhl.Credentials.Tokens;

/// <summary>A held refresh lock (<see cref="ITokenRefreshLock"/>); disposing it releases the lock.</summary>
public interface ITokenRefreshLease : IAsyncDisposable
{
    /// <summary>
    /// Cancelled when the lock was lost while held (a renewal was refused or came too late): another instance may hold
    /// it now, so a refresh not yet sent must not be sent.
    /// </summary>
    CancellationToken Lost { get; }
}
