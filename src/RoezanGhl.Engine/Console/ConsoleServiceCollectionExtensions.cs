using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Automations;
using RoezanGhl.Engine.Operations;

namespace RoezanGhl.Engine.Console;

public static class ConsoleServiceCollectionExtensions
{
    /// <summary>
    /// The console's services and the operator tools the CLI shares with it (<c>Console</c> section, validated on
    /// start): the go-live check, the plan preview, the accounts' configurations with their saved versions, and the
    /// planner's <see cref="IPlanningProfileSource"/>, which reads the latest saved version over the settings' seed (and,
    /// as <see cref="IAutomationAccountSource"/>, gives the SMS automations the same version).
    /// </summary>
    public static IServiceCollection AddRoezanConsole(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<GoLiveCheck>();
        services.TryAddSingleton<EventPlanPreviewer>();
        services.TryAddSingleton<AccountConfigurationValidator>();
        services.TryAddSingleton<VersionedPlanningProfiles>();
        services.Replace(ServiceDescriptor.Singleton<IPlanningProfileSource>(sp => sp.GetRequiredService<VersionedPlanningProfiles>()));
        services.Replace(ServiceDescriptor.Singleton<IAutomationAccountSource>(sp => sp.GetRequiredService<VersionedPlanningProfiles>()));
        services.TryAddSingleton<AccountConfigurations>();
        services.TryAddSingleton<AutomationTemplates>();
        services.TryAddSingleton<AccountOverviews>();
        services.TryAddSingleton<EventHistory>();
        services.TryAddSingleton<ConsoleSessionTokens>();
        return services;
    }
}
