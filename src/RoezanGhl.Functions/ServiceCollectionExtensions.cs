using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RoezanGhl.Sync.Mapping;
using RoezanGhl.Sync.Processing;
using RoezanGhl.Sync.Reconciliation;
using RoezanGhl.Sync.Tokens;
using RoezanGhl.Sync.Webhooks;

namespace RoezanGhl.Functions;

/// <summary>The app's whole DI wiring, in one place.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddRoezanGhlFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddGhlContactsClient(configuration);
        services.AddGhlTokens(configuration);
        services.AddRoezanAccountMapping();
        services.AddRoezanIngestion(configuration);
        services.AddRoezanSync(configuration);
        services.AddRoezanReconciliation(configuration);
        return services;
    }
}
