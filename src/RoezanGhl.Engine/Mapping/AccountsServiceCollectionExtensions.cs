using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Planning;
using RoezanGhl.Credentials.Secrets;

namespace RoezanGhl.Engine.Mapping;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>
    /// The Roezan accounts (<c>Roezan</c> section): what the webhook needs of each (<see cref="RoezanOptionsValidator"/>),
    /// ids that can each have their own secrets (<see cref="AccountSecretNamesValidator"/>),
    /// their presets, flow overrides, field mappings (settings or <c>Roezan:MappingFile</c>) and time zones, read and
    /// checked at start, served as <see cref="AccountPlanningProfiles"/>: the seed of the planner's
    /// <see cref="IPlanningProfileSource"/> (<c>AddRoezanConsole</c> registers it, with the versions saved from the console).
    /// </summary>
    public static IServiceCollection AddRoezanAccounts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RoezanOptions>().BindConfiguration(RoezanOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<RoezanOptions>, AccountMappingFileSetup>());

        // In this order, so that a preset, zone or mapping problem is named before the webhook's own checks.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoezanOptions>, RoezanAccountsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoezanOptions>, RoezanOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoezanOptions>, AccountSecretNamesValidator>());
        services.TryAddSingleton<AccountPlanningProfiles>();
        return services;
    }
}
