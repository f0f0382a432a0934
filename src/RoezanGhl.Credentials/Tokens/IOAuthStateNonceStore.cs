namespace RoezanGhl.Credentials.Tokens;

/// <summary>Remembers the install-state nonces already used, so that a state works once.</summary>
public interface IOAuthStateNonceStore
{
    /// <summary>True the first time a nonce is presented; false on every later time.</summary>
    Task<bool> TryConsumeAsync(string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
