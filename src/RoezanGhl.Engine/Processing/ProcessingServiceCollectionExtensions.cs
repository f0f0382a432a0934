using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RoezanGhl.Engine.Processing;

public static class ProcessingServiceCollectionExtensions
{
    /// <summary>
    /// The sync engine: <see cref="RoezanEventProcessor"/> with its step executor and re-queue, and the
    /// <c>Sync:Processing</c> settings validated on start. Needs the storage, accounts, notifications, GHL client
    /// and token areas (<c>AddRoezanGhl</c> registers them).
    /// </summary>
    public static IServiceCollection AddRoezanProcessing(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SyncProcessingOptions>().BindConfiguration(SyncProcessingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<EventRequeue>();
        services.TryAddSingleton<GhlStepExecutor>();
        services.TryAddSingleton<RoezanEventProcessor>();
        return services;
    }
}
