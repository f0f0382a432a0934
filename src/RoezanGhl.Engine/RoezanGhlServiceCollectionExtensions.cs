using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RoezanGhl.Credentials.Tokens;
using RoezanGhl.Engine.Automations;
using RoezanGhl.Engine.Console;
using RoezanGhl.Engine.Conversations;
using RoezanGhl.Engine.Health;
using RoezanGhl.Engine.Intake;
using RoezanGhl.Engine.Mapping;
using RoezanGhl.Engine.Notifications;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Engine.Reconciliation;
using RoezanGhl.Roezan;
using RoezanGhl.Storage;

namespace RoezanGhl.Engine;

/// <summary>The app's whole DI wiring, in one place: the Functions app and the CLI both call it.</summary>
public static class RoezanGhlServiceCollectionExtensions
{
    /// <summary>
    /// Registers each area exactly once, each with its own settings validated on start: the GHL client, secrets and
    /// GHL tokens, storage, the Roezan accounts, the webhook door, processing, notifications, reconciliation, the
    /// Roezan API client, SMS automations, the cached health report and the console (with the operator tools the CLI shares). No area registers another's services; this is the one place that puts them together.
    /// </summary>
    public static IServiceCollection AddRoezanGhl(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddGhlContactsClient(configuration);
        services.AddGhlTokens(configuration);
        services.AddRoezanStorage(configuration);
        services.AddRoezanAccounts();
        services.AddRoezanIntake();
        services.AddGhlWebhookIntake();
        services.AddRoezanProcessing();
        services.AddRoezanConversations();
        services.AddRoezanNotifications();
        services.AddRoezanReconciliation();
        services.AddRoezanApiClient();
        services.AddRoezanAutomations();
        services.AddRoezanHealth();
        services.AddRoezanConsole();
        return services;
    }
}
