using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RoezanGhl.Engine.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    /// <summary>
    /// GHL conversations: the OAuth-install check of accounts that send inbound messages to the conversation
    /// (<see cref="ConversationInstallCheck"/>, for the CLI's <c>check</c>), run once at start.
    /// </summary>
    public static IServiceCollection AddRoezanConversations(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ConversationInstallCheck>();
        services.AddHostedService<ConversationInstallStartupCheck>();
        return services;
    }
}
