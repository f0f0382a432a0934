using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RoezanGhl.GhlSimulator.Hosting;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.GhlSimulator.Webhooks;

namespace RoezanGhl.GhlSimulator.Endpoints;

/// <summary>
/// The simulator's own API for tests and the benchmark harness, under <c>/_sim</c> (no token, no
/// limits): read the state and counters, change settings, seed data, reset, and play a GHL user replying from the inbox.
/// </summary>
internal static class AdminEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static readonly HttpClient Http = new();

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
        // A GHL user types a message to the contact with our provider as the channel: added to the conversation
        // (pending) and posted, signed, to Settings.ProviderDeliveryUrl. Body: {"message": "...", "userId": "..."}.
        app.MapPost("/_sim/locations/{locationId}/contacts/{contactId}/replies", async (HttpContext c, string locationId, string contactId) =>
        {
            var body = await HttpExchange.ReadObjectAsync(c).ConfigureAwait(false);
            var phone = state.ContactsOf(locationId).FirstOrDefault(contact => contact["id"]?.GetValue<string>() == contactId)?["phone"]?.GetValue<string>();
            if (body?["message"] is not JsonValue text || phone is null)
            {
                return Results.BadRequest();
            }

            var payload = state.Conversations.UserReplies(locationId, contactId, phone, text.GetValue<string>(), body["userId"]?.GetValue<string>() ?? "sim-user");
            var delivery = state.Settings.ProviderDeliveryUrl is { } url
                ? (int)await new GhlProviderMessagePoster(Http, GhlWebhookSigningKey.Shared).PostAsync(url, (JsonObject)payload.DeepClone(), c.RequestAborted).ConfigureAwait(false)
                : (int?)null;
            return Results.Json(new JsonObject { ["messageId"] = payload["messageId"]!.DeepClone(), ["deliveryStatus"] = delivery }, Json);
        });
        app.MapPost("/_sim/locations/{locationId}/contacts/{contactId}/appointments", (HttpContext c, string locationId, string contactId) =>
            HttpExchange.WithBodyAsync(c, body => SimResponse.Created(new JsonObject { ["event"] = state.SeedAppointment(locationId, contactId, body) })));
    }
}
