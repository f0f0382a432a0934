using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RoezanGhl.GhlSimulator.Hosting;
using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.GhlSimulator.Endpoints;

/// <summary>A location's own resources: its custom field definitions.</summary>
internal static class LocationEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatorState state)
    {
        app.MapGet("/locations/{locationId}/customFields", (HttpContext c, string locationId) =>
            HttpExchange.WriteAsync(c, state.CustomFields.List(HttpExchange.TokenLocation(c), locationId, c.Request.Query["model"].FirstOrDefault())));
    }
}
