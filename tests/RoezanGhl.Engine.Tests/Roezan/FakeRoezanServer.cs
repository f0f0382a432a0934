using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Roezan;

/// <summary>
/// A tiny stand-in for Roezan's integration API on 127.0.0.1 and a free port: contact lookup by phone and a
/// contact's inbound messages, answered from what the test put in, with the <c>ratelimit-*</c> headers the test
/// sets. Every request is recorded (path, query and the X-API-Key it carried). Stopped on dispose.
/// </summary>
internal sealed class FakeRoezanServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, List<(string Id, string Content, DateTimeOffset CreatedAt)>> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Id, string Phone)> _contactsByPhone = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, string Query, string? ApiKey)> _requests = new();

    private FakeRoezanServer(WebApplication app) => _app = app;

    public Uri ApiBaseUrl { get; private set; } = null!;

    /// <summary>Sent as <c>ratelimit-remaining</c> on every answer when set.</summary>
    public int? RateLimitRemaining { get; set; }

    /// <summary>Sent as <c>ratelimit-reset</c> (seconds) with <see cref="RateLimitRemaining"/>.</summary>
    public int RateLimitResetSeconds { get; set; } = 1;

    /// <summary>Answer every request with this status instead (401, 429, 500, ...).</summary>
    public int? ForcedStatus { get; set; }

    public IReadOnlyList<(string Path, string Query, string? ApiKey)> Requests => [.. _requests];

    public static async Task<FakeRoezanServer> StartAsync()
    {
        TestLanes.RequireIntegration("The fake Roezan API server");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeRoezanServer(app);
        app.MapGet("/api/integrations/contacts", (HttpContext context) => server.Lookup(context));
        app.MapGet("/api/integrations/contacts/{contactId}/messages", (HttpContext context, string contactId) => server.Messages(context, contactId));
        await app.StartAsync().ConfigureAwait(false);
        server.ApiBaseUrl = new Uri(app.Urls.Single() + "/api");
        return server;
    }

    public void AddContact(string roezanContactId, string phone) => _contactsByPhone[phone] = (roezanContactId, phone);

    public void AddInboundMessage(string roezanContactId, string messageId, string content, DateTimeOffset createdAt) =>
        _messages.GetOrAdd(roezanContactId, _ => []).Add((messageId, content, createdAt));

    private IResult Lookup(HttpContext context)
    {
        if (Gate(context) is { } refused)
        {
            return refused;
        }

        var phone = context.Request.Query["phone"].ToString();
        return _contactsByPhone.TryGetValue(phone, out var contact)
            ? Results.Json(new JsonObject { ["contact"] = new JsonObject { ["id"] = contact.Id, ["phone_number"] = contact.Phone, ["opted_in"] = true, ["deleted"] = false } })
            : Results.Json(new JsonObject { ["message"] = "Contact not found" }, statusCode: 404);
    }

    private IResult Messages(HttpContext context, string contactId)
    {
        if (Gate(context) is { } refused)
        {
            return refused;
        }

        var limit = int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var asked) ? asked : 100;
        var list = _messages.TryGetValue(contactId, out var found) ? found.OrderByDescending(m => m.CreatedAt).Take(limit).ToList() : [];
        var messages = new JsonArray([.. list.Select(m => (JsonNode)new JsonObject
        {
            ["id"] = m.Id,
            ["content"] = m.Content,
            ["created_at"] = m.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        })]);
        return Results.Json(new JsonObject { ["messages"] = messages });
    }

    private IResult? Gate(HttpContext context)
    {
        _requests.Enqueue((context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", context.Request.Headers["X-API-Key"].FirstOrDefault()));
        if (RateLimitRemaining is { } remaining)
        {
            context.Response.Headers["ratelimit-limit"] = "60";
            context.Response.Headers["ratelimit-remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["ratelimit-reset"] = RateLimitResetSeconds.ToString(CultureInfo.InvariantCulture);
        }

        if (ForcedStatus is { } status)
        {
            if (status == 429)
            {
                context.Response.Headers.RetryAfter = "0";
            }

            return Results.Json(new JsonObject { ["message"] = "forced" }, statusCode: status);
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
