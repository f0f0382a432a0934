using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RoezanGhl.Engine.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    /// <summary>
    /// GHL conversations: the OAuth-install check of accounts that send inbound messages to the conversation
    /// (<see cref="ConversationInstallCheck"/>, for the CLI's <c>check</c>, run once at start), the Delivery URL's door
    /// (<see cref="ConversationReplyIngestor"/>), the applier of replies typed in GHL and the status reporter
    /// (section <c>Conversations</c>), and the applier of Roezan's delivery statuses (<see cref="DeliveryStatusApplier"/>). The Roezan send of a reply is <see cref="SmsConversationReplySender"/>, over the SMS
    /// automations' exactly-once sender (<c>AddRoezanAutomations</c>).
    /// </summary>
    public static IServiceCollection AddRoezanConversations(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConversationOptions>, ConversationOptionsValidator>());
        services.TryAddSingleton<ConversationInstallCheck>();
        services.AddHostedService<ConversationInstallStartupCheck>();
        services.TryAddSingleton<MessageStatusReporter>();
        services.TryAddSingleton<ConversationReplyApplier>();
        services.TryAddSingleton<ReplyDeliveryReporter>();
        services.TryAddSingleton<DeliveryStatusApplier>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConversationReplySender, SmsConversationReplySender>());
        services.TryAddSingleton<ConversationReplyIngestor>();
        return services;
    }
}
