using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RoezanGhl.Engine.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Failure notifications (<c>Notifications</c> section, validated on start: an https webhook, http only to loopback,
    /// that is never followed through a redirect): <see cref="IFailureNotifier"/>
    /// throttles and queues them, <see cref="FailureNotificationSender"/> posts them in the background.
    /// </summary>
    public static IServiceCollection AddRoezanNotifications(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>());
        services.TryAddSingleton<WebhookFailureNotifier>();
        services.TryAddSingleton<IFailureNotifier>(sp => sp.GetRequiredService<WebhookFailureNotifier>());
        // A redirect would carry the notice to wherever the answer points; a 3xx is logged as a refusal instead.
        services.AddHttpClient(FailureNotificationSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddHostedService<FailureNotificationSender>();
        return services;
    }
}
