using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RoezanGhl.Engine.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Failure notifications (<c>Notifications</c> section, validated on start): <see cref="IFailureNotifier"/>
    /// throttles and queues them, <see cref="FailureNotificationSender"/> posts them in the background.
    /// </summary>
    public static IServiceCollection AddRoezanNotifications(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<WebhookFailureNotifier>();
        services.TryAddSingleton<IFailureNotifier>(sp => sp.GetRequiredService<WebhookFailureNotifier>());
        services.AddHttpClient(FailureNotificationSender.HttpClientName);
        services.AddHostedService<FailureNotificationSender>();
        return services;
    }
}
