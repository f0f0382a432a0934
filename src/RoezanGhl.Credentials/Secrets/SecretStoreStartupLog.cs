using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RoezanGhl.Credentials.Secrets;

/// <summary>
/// Says once, when the app starts, where secrets come from, so that a deployment that forgot
/// <c>KeyVault__VaultUri</c> is obvious in the first lines of its log.
/// </summary>
internal sealed partial class SecretStoreStartupLog : IHostedService
{
    private readonly IOptions<SecretStoreOptions> _options;
    private readonly ILogger<SecretStoreStartupLog> _logger;

    public SecretStoreStartupLog(IOptions<SecretStoreOptions> options, ILogger<SecretStoreStartupLog> logger)
    {
        _options = options;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        if (options.UsesKeyVault)
        {
            LogKeyVault(_logger, options.VaultUri!, options.UsesTokensVault ? options.TokensVaultUri! : options.VaultUri!, options.CacheDuration);
        }
        else
        {
            LogLocalSettings(_logger, LocalSettingsSecretStore.SectionName);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4001, EventName = "SecretsFromKeyVault", Level = LogLevel.Information,
        Message = "Secrets come from Key Vault {VaultUri} and GHL tokens from {TokensVaultUri}, cached for {CacheDuration}")]
    private static partial void LogKeyVault(ILogger logger, string vaultUri, string tokensVaultUri, TimeSpan cacheDuration);

    [LoggerMessage(EventId = 4002, EventName = "SecretsFromLocalSettings", Level = LogLevel.Warning,
        Message = "KeyVault:VaultUri is not set: secrets come from local settings ({Section}:<name>) and writes are kept in memory only. Set KeyVault__VaultUri outside local development")]
    private static partial void LogLocalSettings(ILogger logger, string section);
}
