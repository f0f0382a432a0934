using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RoezanGhl.GhlSimulator.Hosting;
using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.GhlSimulator.Endpoints;

/// <summary>The Contacts API routes, each a thin call into <see cref="SimulatorState"/>.</summary>
internal static class ContactEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapGet("/contacts/", (HttpContext c) => HttpExchange.WriteAsync(c, state.ListContacts(
            HttpExchange.TokenLocation(c),
            c.Request.Query["locationId"].FirstOrDefault(),
            c.Request.Query["query"].FirstOrDefault(),
            HttpExchange.IntQuery(c, "limit", 20),
            long.TryParse(c.Request.Query["startAfter"].FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var after) ? after : null,
            c.Request.Query["startAfterId"].FirstOrDefault())));
        app.MapPost("/contacts/", (HttpContext c) => HttpExchange.WithBodyAsync(c, body => state.CreateContact(HttpExchange.TokenLocation(c), body)));
        app.MapPost("/contacts/upsert", (HttpContext c) => HttpExchange.WithBodyAsync(c, body => state.UpsertContact(HttpExchange.TokenLocation(c), body)));
        app.MapPost("/contacts/search", (HttpContext c) => HttpExchange.WithBodyAsync(c, body => state.SearchContacts(HttpExchange.TokenLocation(c), body)));
        app.MapGet("/contacts/search/duplicate", (HttpContext c) => HttpExchange.WriteAsync(c, state.FindDuplicateContact(
            HttpExchange.TokenLocation(c),
            c.Request.Query["locationId"].FirstOrDefault(),
            c.Request.Query["number"].FirstOrDefault(),
            c.Request.Query["email"].FirstOrDefault())));
        app.MapGet("/contacts/business/{businessId}", (HttpContext c, string businessId) => HttpExchange.WriteAsync(c, state.ListBusinessContacts(
            HttpExchange.TokenLocation(c),
            c.Request.Query["locationId"].FirstOrDefault(),
            businessId,
            c.Request.Query["query"].FirstOrDefault(),
            HttpExchange.IntQuery(c, "limit", 25),
            HttpExchange.IntQuery(c, "skip", 0))));
        app.MapGet("/contacts/{contactId}", (HttpContext c, string contactId) => HttpExchange.WriteAsync(c, state.GetContact(HttpExchange.TokenLocation(c), contactId)));
        app.MapPut("/contacts/{contactId}", (HttpContext c, string contactId) => HttpExchange.WithBodyAsync(c, body => state.UpdateContact(HttpExchange.TokenLocation(c), contactId, body)));
        app.MapDelete("/contacts/{contactId}", (HttpContext c, string contactId) => HttpExchange.WriteAsync(c, state.DeleteContact(HttpExchange.TokenLocation(c), contactId)));
        app.MapPost("/contacts/{contactId}/tags", (HttpContext c, string contactId) => HttpExchange.WithBodyAsync(c, body => state.ChangeTags(HttpExchange.TokenLocation(c), contactId, body, add: true)));
        app.MapDelete("/contacts/{contactId}/tags", (HttpContext c, string contactId) => HttpExchange.WithBodyAsync(c, body => state.ChangeTags(HttpExchange.TokenLocation(c), contactId, body, add: false)));
    }
}
