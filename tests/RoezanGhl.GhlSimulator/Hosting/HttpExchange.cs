using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.GhlSimulator.Hosting;

/// <summary>Reading JSON bodies and writing <see cref="SimResponse"/>s.</summary>
internal static class HttpExchange
{
    // GHL writes "+1..." rather than "\u002B1...".
    private static readonly JsonSerializerOptions Output = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            return node as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static Task WriteAsync(HttpContext context, SimResponse response)
    {
        if (response.Abort)
        {
            context.Abort();
            return Task.CompletedTask;
        }

        context.Response.StatusCode = response.Status;
        if (response.Body is null)
        {
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(response.Body.ToJsonString(Output), context.RequestAborted);
    }

    /// <summary>Runs <paramref name="operation"/> on the JSON body, or answers 400 when there is none.</summary>
    public static async Task WithBodyAsync(HttpContext context, Func<JsonObject, SimResponse> operation)
    {
        var body = await ReadObjectAsync(context).ConfigureAwait(false);
        await WriteAsync(context, body is null ? SimResponse.Error(400, "The body must be a JSON object.") : operation(body)).ConfigureAwait(false);
    }

    public static string? TokenLocation(HttpContext context) => context.Items[SimulatorGate.TokenLocationItem] as string;

    public static int IntQuery(HttpContext context, string name, int fallback) =>
        int.TryParse(context.Request.Query[name].FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
