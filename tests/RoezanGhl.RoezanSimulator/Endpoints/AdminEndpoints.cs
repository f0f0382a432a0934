using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RoezanGhl.RoezanSimulator.State;

namespace RoezanGhl.RoezanSimulator.Endpoints;

/// <summary>
/// SIMULATOR ADMIN, not Roezan's API, under <c>/_sim</c> (no key, no limits, no faults): read the
/// state, counters, recorded requests and webhook outbox; change the settings; wait for the outbox to
/// drain; reset. <see cref="ScenarioEndpoints"/> has the people-and-users side.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app, RoezanSimulatorState state)
    {
        var admin = app.MapGroup("/_sim");
        admin.MapGet("/state", () => AdminJson.Ok(new { accounts = state.Snapshot() }));
        admin.MapGet("/counters", () => AdminJson.Ok(state.Counters.Snapshot()));
        admin.MapGet("/recorded", () => AdminJson.Ok(state.Recorded));
        admin.MapGet("/webhooks", () => AdminJson.Ok(new { pending = state.Outbox.PendingCount, events = state.Outbox.Events, attempts = state.Outbox.Attempts }));
        admin.MapPost("/webhooks/drain", DrainAsync);
        admin.MapPost("/reset", () =>
        {
            state.Reset();
            return Results.NoContent();
        });
        admin.MapGet("/settings", () => AdminJson.Ok(state.Settings));
        admin.MapPut("/settings", (HttpRequest request) => ChangeSettingsAsync(request, state, merge: false));
        admin.MapPatch("/settings", (HttpRequest request) => ChangeSettingsAsync(request, state, merge: true));

        // Waits (wall clock, at most timeoutMs) until every webhook event was delivered or given up:
        // 200, or 504 with what is still pending. For callers in another process; tests in this one
        // use WebhookOutbox.WaitUntilDrainedAsync.
        async Task<IResult> DrainAsync(HttpContext c, int? timeoutMs)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(c.RequestAborted);
            timeout.CancelAfter(Math.Clamp(timeoutMs ?? 30_000, 1, 600_000));
            try
            {
                await state.Outbox.WaitUntilDrainedAsync(timeout.Token).ConfigureAwait(false);
                return AdminJson.Ok(new { pending = 0 });
            }
            catch (OperationCanceledException) when (!c.RequestAborted.IsCancellationRequested)
            {
                return AdminJson.Ok(new { pending = state.Outbox.PendingCount }, StatusCodes.Status504GatewayTimeout);
            }
        }
    }

    // PUT replaces the settings; PATCH changes only the members given (a given "accounts" replaces all accounts).
    private static async Task<IResult> ChangeSettingsAsync(HttpRequest request, RoezanSimulatorState state, bool merge)
    {
        try
        {
            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false) as JsonObject;
            if (body is null)
            {
                return AdminJson.Problem(StatusCodes.Status400BadRequest, "The body must be a JSON object of settings.");
            }

            if (merge)
            {
                var current = JsonSerializer.SerializeToNode(state.Settings, AdminJson.Options)!.AsObject();
                foreach (var (name, value) in body)
                {
                    current[current.Select(pair => pair.Key).FirstOrDefault(key => string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) ?? name] = value?.DeepClone();
                }

                body = current;
            }

            state.Settings = body.Deserialize<RoezanSimulatorSettings>(AdminJson.Options)!;
            return AdminJson.Ok(state.Settings);
        }
        catch (JsonException exception)
        {
            return AdminJson.Problem(StatusCodes.Status400BadRequest, $"The settings cannot be read: {exception.Message}");
        }
        catch (ArgumentException exception)
        {
            return AdminJson.Problem(StatusCodes.Status400BadRequest, exception.Message);
        }
    }
}
