namespace RoezanGhl.Credentials.Secrets;

/// <summary>
/// Two vaults behind one store: the GHL tokens (<see cref="SecretNames.IsGhlToken"/>), which the app writes,
/// go to the tokens vault; everything else (webhook secrets, API keys, OAuth client credentials), which the
/// app only reads, to the config vault. The split lets the deployment give the app write access to tokens only.
/// </summary>
public sealed class TokenRoutingSecretStore : ISecretStore
{
    private readonly ISecretStore _config;
    private readonly ISecretStore _tokens;

    public TokenRoutingSecretStore(ISecretStore config, ISecretStore tokens)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(tokens);
        _config = config;
        _tokens = tokens;
    }

    public Task<string?> GetSecretAsync(string name, bool bypassCache, CancellationToken cancellationToken) =>
        StoreFor(name).GetSecretAsync(name, bypassCache, cancellationToken);

    public Task SetSecretAsync(string name, string value, CancellationToken cancellationToken) =>
        StoreFor(name).SetSecretAsync(name, value, cancellationToken);

    private ISecretStore StoreFor(string name) => SecretNames.IsGhlToken(name) ? _tokens : _config;
}
