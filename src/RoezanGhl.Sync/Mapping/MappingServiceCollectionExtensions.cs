using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RoezanGhl.Sync.Accounts;
using RoezanGhl.Sync.Planning;

namespace RoezanGhl.Sync.Mapping;

public static class MappingServiceCollectionExtensions
{
    /// <summary>
    /// Presets, flow overrides, field mappings (settings or <c>Roezan:MappingFile</c>) and time zones of
    /// the Roezan accounts: read and checked at start, served as <see cref="AccountPlanningProfiles"/>, which is
    /// also the planner's <see cref="IPlanningProfileSource"/>.
    /// </summary>
    /// <remarks>
    /// Binds <see cref="RoezanOptions"/> to the <c>Roezan</c> section. Binding it again elsewhere is
    /// harmless: these options hold only values and dictionaries, which a second bind sets to the same.
    /// </remarks>
    public static IServiceCollection AddRoezanAccountMapping(this IServiceCollection services)
    {
        services.AddOptions<RoezanOptions>().BindConfiguration(RoezanOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<RoezanOptions>, AccountMappingFileSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoezanOptions>, RoezanAccountsValidator>());
        services.TryAddSingleton<AccountPlanningProfiles>();
        services.Replace(ServiceDescriptor.Singleton<IPlanningProfileSource>(sp => sp.GetRequiredService<AccountPlanningProfiles>()));
        return services;
    }
}
