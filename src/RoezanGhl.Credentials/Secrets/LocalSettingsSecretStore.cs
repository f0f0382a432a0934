using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace RoezanGhl.Credentials.Secrets;

/// <summary>
/// Secrets from configuration (<c>Secrets:{name}</c>, i.e. <c>Secrets__{name}</c> in local.settings.json) for
/// runs without a vault. Writes (an OAuth refresh, an install) are kept in memory for the life of the process,
/// because local settings files are not ours to rewrite.
/// </summary>
public sealed class LocalSettingsSecretStore : ISecretStore
{
    public const string SectionName = "Secrets";

    private readonly IConfiguration _configuration;
    private readonly ConcurrentDictionary<string, string> _written = new(StringComparer.Ordinal);

    public LocalSettingsSecretStore(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration;
    }

    public Task<string?> GetSecretAsync(string name, bool bypassCache, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_written.TryGetValue(name, out var written))
        {
            return Task.FromResult<string?>(written);
        }

        var value = _configuration[$"{SectionName}:{name}"];
        return Task.FromResult(string.IsNullOrEmpty(value) ? null : value);
    }

    public Task SetSecretAsync(string name, string value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrEmpty(value);
        _written[name] = value;
        return Task.CompletedTask;
    }
}
