using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RoezanGhl.Engine.Automations;

public static class AutomationsServiceCollectionExtensions
{
    /// <summary>
    /// SMS automations: the accounts' automations, the exactly-once sender (<see cref="ISmsSender"/>), the send-time
    /// consent reader, the schedule's sweep, the trigger planner, and the <c>Sms</c> settings validated on start. Needs
    /// storage (the send ledger), the GHL and Roezan clients and notifications (<c>AddRoezanGhl</c> registers them).
    /// </summary>
    public static IServiceCollection AddRoezanAutomations(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<AutomationAccounts>();
        services.TryAddSingleton<SmsSendContext>();
        services.TryAddSingleton<SmsOutcomeLookup>();
        services.TryAddSingleton<ISmsSender, SmsSender>();
        services.TryAddSingleton<SendTimeFactsReader>();
        services.TryAddSingleton<SmsScheduleSweeper>();
        services.TryAddSingleton<AutomationTriggerPlanner>();
        services.TryAddSingleton<InboundOptOut>();
        services.TryAddSingleton<InboundMessageFollowUp>();
        services.TryAddSingleton<SmsPlanPreviewer>();
        return services;
    }
}
