using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RoezanGhl.GhlSimulator.Hosting;
using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.GhlSimulator.Endpoints;

/// <summary>
/// The simulator's own API for tests and the benchmark harness, under <c>/_sim</c> (no token, no
/// limits): read the state and counters, change settings, seed data, reset.
/// </summary>
internal static class AdminEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapGet("/_sim/state", (HttpContext c) => HttpExchange.WriteAsync(c, SimResponse.Ok(state.Snapshot())));
        app.MapGet("/_sim/counters", () => Results.Json(state.Counters.Snapshot(), Json));
        app.MapGet("/_sim/recorded", () => Results.Json(state.Recorded, Json));
        app.MapGet("/_sim/settings", () => Results.Json(state.Settings, Json));
        app.MapPut("/_sim/settings", async (HttpContext c) =>
        {
            var settings = await JsonSerializer.DeserializeAsync<SimulatorSettings>(c.Request.Body, Json, c.RequestAborted).ConfigureAwait(false);
            if (settings is null)
            {
                return Results.BadRequest();
            }

            state.Settings = settings;
            return Results.Json(state.Settings, Json);
        });
        app.MapPost("/_sim/reset", () =>
        {
            state.Reset();
            return Results.NoContent();
        });
        app.MapPost("/_sim/locations/{locationId}/contacts", (HttpContext c, string locationId) =>
            HttpExchange.WithBodyAsync(c, body => SimResponse.Created(new JsonObject { ["contact"] = state.SeedContact(locationId, body) })));
        app.MapPost("/_sim/locations/{locationId}/contacts/{contactId}/appointments", (HttpContext c, string locationId, string contactId) =>
            HttpExchange.WithBodyAsync(c, body => SimResponse.Created(new JsonObject { ["event"] = state.SeedAppointment(locationId, contactId, body) })));
    }
}
