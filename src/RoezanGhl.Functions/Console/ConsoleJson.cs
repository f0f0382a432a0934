using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace RoezanGhl.Functions.Console;

/// <summary>The console's JSON answers: camelCase, enums as names, never cached by the browser.</summary>
public static class ConsoleJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ContentResult Answer(HttpResponse response, object value, int status = 200)
    {
        ConsoleGate.SecureHeaders(response);
        return new ContentResult { StatusCode = status, ContentType = "application/json; charset=utf-8", Content = JsonSerializer.Serialize(value, Options) };
    }

    /// <summary>An answer with one message (<c>{"error": "…"}</c>) for the page to show.</summary>
    public static ContentResult Error(HttpResponse response, int status, string message) => Answer(response, new { error = message }, status);
}
