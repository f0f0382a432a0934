using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RoezanGhl.Engine.Caching;

namespace RoezanGhl.Functions.Console;

public static class ConsoleFrontEndServiceCollectionExtensions
{
    /// <summary>The console's web side (its gate and the mapping editor's model); its services are in <c>AddRoezanConsole</c>.</summary>
    public static IServiceCollection AddConsoleFrontEnd(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ConsoleGate>();
        services.TryAddSingleton<LocationCustomFieldsCache>();
        services.TryAddSingleton<MappingModels>();
        return services;
    }
}
