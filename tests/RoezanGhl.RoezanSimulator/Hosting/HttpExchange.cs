using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RoezanGhl.RoezanSimulator.Operations;

namespace RoezanGhl.RoezanSimulator.Hosting;

/// <summary>Reading JSON bodies and writing <see cref="SimResponse"/>s.</summary>
internal static class HttpExchange
{
    public const string AccountItem = "roezansim.account";

    // "+1…" rather than "\u002B1…", as a Node or PHP server writes it.
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The account the gate authenticated the request for.</summary>
    public static string Account(HttpContext context) => (string)context.Items[AccountItem]!;

    public static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
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

    /// <summary>Runs <paramref name="operation"/> on the JSON object body, or answers 400 when there is none.</summary>
    public static async Task WithBodyAsync(HttpContext context, Func<JsonObject, SimResponse> operation)
    {
        var body = await ReadObjectAsync(context).ConfigureAwait(false);
        await WriteAsync(context, body is null ? RoezanResponses.BadJson() : operation(body)).ConfigureAwait(false);
    }
}
