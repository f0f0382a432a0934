using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RoezanGhl.Engine.Health;

public static class HealthServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="CachedHealthReport"/> over every check registered with <c>AddHealthChecks()</c>, with the
    /// <c>Health</c> section validated on start.
    /// </summary>
    public static IServiceCollection AddRoezanHealth(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHealthChecks();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CachedHealthReport>();
        return services;
    }
}
