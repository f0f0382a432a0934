using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RoezanGhl.GhlSimulator.Hosting;
using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.GhlSimulator.Endpoints;

/// <summary>The Conversations API routes a conversation provider uses, each a thin call into <see cref="SimulatedConversations"/>.</summary>
internal static class ConversationEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        var conversations = state.Conversations;
        app.MapGet("/conversations/search", (HttpContext c) => HttpExchange.WriteAsync(c, conversations.Search(
            HttpExchange.TokenLocation(c),
            c.Request.Query["locationId"].FirstOrDefault(),
            c.Request.Query["contactId"].FirstOrDefault(),
            HttpExchange.IntQuery(c, "limit", 20))));
        app.MapPost("/conversations/", (HttpContext c) => HttpExchange.WithBodyAsync(c, body => conversations.Create(HttpExchange.TokenLocation(c), body)));
        app.MapGet("/conversations/{conversationId}/messages", (HttpContext c, string conversationId) => HttpExchange.WriteAsync(c, conversations.ListMessages(
            HttpExchange.TokenLocation(c),
            conversationId,
            c.Request.Query["lastMessageId"].FirstOrDefault(),
            HttpExchange.IntQuery(c, "limit", 20))));
        app.MapPost("/conversations/messages/inbound", (HttpContext c) => HttpExchange.WithBodyAsync(c, body => conversations.AddInbound(HttpExchange.TokenLocation(c), BearerToken(c), body)));
        app.MapPut("/conversations/messages/{messageId}/status", (HttpContext c, string messageId) => HttpExchange.WithBodyAsync(c, body => conversations.UpdateStatus(HttpExchange.TokenLocation(c), BearerToken(c), messageId, body)));
    }

    // The gate has already refused a request without a bearer token.
    private static string BearerToken(HttpContext context) =>
        context.Request.Headers.Authorization.FirstOrDefault() is { Length: > 7 } authorization ? authorization[7..].Trim() : "";
}
