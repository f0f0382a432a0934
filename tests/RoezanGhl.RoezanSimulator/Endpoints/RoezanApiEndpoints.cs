using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RoezanGhl.RoezanSimulator.Hosting;
using RoezanGhl.RoezanSimulator.Operations;

namespace RoezanGhl.RoezanSimulator.Endpoints;

/// <summary>Roezan's integration API under <c>/api</c>, each route a thin call into <see cref="RoezanApi"/>.</summary>
internal static class RoezanApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app, RoezanApi api)
    {
        var integrations = app.MapGroup("/api/integrations");
        integrations.MapGet("/contacts", (HttpContext c) => HttpExchange.WriteAsync(c, api.FindContact(
            HttpExchange.Account(c),
            c.Request.Query["phone"].FirstOrDefault(),
            c.Request.Query["email"].FirstOrDefault())));
        integrations.MapPost("/contacts", (HttpContext c) => HttpExchange.WithBodyAsync(c, body => api.UpsertContact(HttpExchange.Account(c), body)));
        integrations.MapGet("/contacts/{contactId}/messages", (HttpContext c, string contactId) => HttpExchange.WriteAsync(c, api.ListMessages(
            HttpExchange.Account(c),
            contactId,
            c.Request.Query["direction"].FirstOrDefault(),
            c.Request.Query["limit"].FirstOrDefault())));
        integrations.MapPost("/message/send", (HttpContext c) => HttpExchange.WithBodyAsync(c, body => api.SendMessage(HttpExchange.Account(c), body)));
    }
}
