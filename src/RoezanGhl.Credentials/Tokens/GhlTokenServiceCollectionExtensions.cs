using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.Storage;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>Registers the secret store, the GHL token provider and the OAuth install flow.</summary>
public static class GhlTokenServiceCollectionExtensions
{
    /// <summary>The Azure client name of the tokens vault's <see cref="SecretClient"/> (<c>KeyVault:TokensVaultUri</c>).</summary>
    public const string TokensVaultClientName = "Tokens";

    /// <summary>
    /// <see cref="ISecretStore"/> (Key Vault when <c>KeyVault:VaultUri</c> is set, local settings otherwise, behind
    /// a short cache), <see cref="IGhlTokenProvider"/>, <see cref="ILocationStatusStore"/> and
    /// <see cref="GhlOAuthInstaller"/>, with their options validated on start. Needs the storage area
    /// (<c>AddRoezanStorage</c>): the status tables and the lease container are in the app's storage account.
    /// </summary>
    public static IServiceCollection AddGhlTokens(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SecretStoreOptions>()
            .BindConfiguration(SecretStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecretStoreOptions>, SecretStoreOptionsValidator>());
        services.AddOptions<GhlOAuthOptions>()
            .BindConfiguration(GhlOAuthOptions.SectionName)
            .PostConfigure(options => options.TokenUrl = string.IsNullOrWhiteSpace(options.TokenUrl) ? DefaultTokenUrl(configuration) : options.TokenUrl)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhlOAuthOptions>, GhlOAuthOptionsValidator>());
        services.AddHostedService<SecretStoreStartupLog>();

        // The vault is reached with the app's managed identity in Azure.
        var vaultUri = configuration[$"{SecretStoreOptions.SectionName}:{nameof(SecretStoreOptions.VaultUri)}"];
        var tokensVaultUri = configuration[$"{SecretStoreOptions.SectionName}:{nameof(SecretStoreOptions.TokensVaultUri)}"];
        if (!string.IsNullOrWhiteSpace(vaultUri) && Uri.TryCreate(vaultUri, UriKind.Absolute, out var vault))
        {
            var credential = new Lazy<TokenCredential>(() => CreateCredential(configuration));
            services.AddAzureClients(clients =>
            {
                clients.AddSecretClient(vault).WithCredential(_ => credential.Value);
                if (!string.IsNullOrWhiteSpace(tokensVaultUri) && Uri.TryCreate(tokensVaultUri, UriKind.Absolute, out var tokensVault))
                {
                    clients.AddSecretClient(tokensVault).WithName(TokensVaultClientName).WithCredential(_ => credential.Value);
                }
            });
        }

        services.TryAddSingleton<ISecretStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SecretStoreOptions>>().Value;
            ISecretStore source = new LocalSettingsSecretStore(configuration);
            if (options.UsesKeyVault)
            {
                var vaults = sp.GetRequiredService<IAzureClientFactory<SecretClient>>();
                var config = new KeyVaultSecretStore(vaults.CreateClient("Default"));
                source = options.UsesTokensVault ? new TokenRoutingSecretStore(config, new KeyVaultSecretStore(vaults.CreateClient(TokensVaultClientName))) : config;
            }

            return new CachingSecretStore(source, options.CacheDuration, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<ILocationStatusStore>(sp =>
            new TableLocationStatusStore(Tables(sp).GetTableClient(Names(sp).LocationStatusTable), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IOAuthStateNonceStore>(sp =>
            new TableOAuthStateNonceStore(Tables(sp).GetTableClient(Names(sp).OAuthStatesTable)));
        services.TryAddSingleton<ITokenRefreshLock>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GhlOAuthOptions>>().Value;
            var blobs = sp.GetRequiredService<BlobServiceClient>();
            return new BlobTokenRefreshLock(blobs.GetBlobContainerClient(Names(sp).LeaseContainer), options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<BlobTokenRefreshLock>>());
        });

        // No resilience handler, even one added for every client by ConfigureHttpClientDefaults: a retried refresh
        // POST whose first answer was lost would spend the single-use refresh token twice.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the supported way to opt one client out.
        services.AddHttpClient(GhlOAuthTokenClient.HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<GhlOAuthOptions>>().Value.TokenRequestTimeout)
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.TryAddSingleton<GhlOAuthTokenClient>();
        services.TryAddSingleton<GhlLocationTokenStore>();
        services.TryAddSingleton<GhlTokenProvider>();
        services.TryAddSingleton<IGhlTokenProvider>(sp => sp.GetRequiredService<GhlTokenProvider>());
        services.TryAddSingleton<GhlOAuthStateSigner>();
        services.TryAddSingleton<GhlOAuthInstallWriter>();
        services.TryAddSingleton<GhlOAuthInstaller>();
        return services;
    }

    private static string DefaultTokenUrl(IConfiguration configuration)
    {
        var baseUrl = configuration["Ghl:BaseUrl"];
        return (string.IsNullOrWhiteSpace(baseUrl) ? GhlOAuthOptions.DefaultGhlBaseUrl : baseUrl).TrimEnd('/') + "/oauth/token";
    }

    private static DefaultAzureCredential CreateCredential(IConfiguration configuration)
    {
        // A user-assigned identity has to be named; without a name DefaultAzureCredential also reads AZURE_CLIENT_ID.
        var clientId = configuration[$"{SecretStoreOptions.SectionName}:{nameof(SecretStoreOptions.ManagedIdentityClientId)}"];
        if (string.IsNullOrWhiteSpace(clientId))
        {
            clientId = configuration[$"{StorageConnectionOptions.SectionName}:clientId"];
        }

        var options = new DefaultAzureCredentialOptions();
        if (!string.IsNullOrWhiteSpace(clientId))
        {
            options.ManagedIdentityClientId = clientId;
        }

        return new DefaultAzureCredential(options);
    }

    private static TableServiceClient Tables(IServiceProvider services) =>
        services.GetRequiredService<TableServiceClient>();

    private static StorageNames Names(IServiceProvider services) => services.GetRequiredService<StorageNames>();
}
