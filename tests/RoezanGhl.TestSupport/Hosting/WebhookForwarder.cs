using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RoezanGhl.TestSupport.Hosting;

/// <summary>
/// A small HTTP server on 127.0.0.1 (a free port) that hands each POST to <see cref="Handler"/>: the address a
/// simulator sends its webhooks to, so that they reach the app's door in this process. The handler is set once the
/// app is built; until then (and when a test sets <see cref="RefuseNext"/>) it answers 429 with Retry-After: 1.
/// </summary>
public sealed class WebhookForwarder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _refuse;

    private WebhookForwarder(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public Func<HttpContext, Task>? Handler { get; set; }

    /// <summary>How many deliveries it has answered 429 on purpose (a door that cannot take them right now).</summary>
    public int Refused { get; private set; }

    public static async Task<WebhookForwarder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        WebhookForwarder? forwarder = null;
        app.MapPost("/{**path}", (HttpContext context) => forwarder!.ForwardAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        forwarder = new WebhookForwarder(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
        return forwarder;
    }

    /// <summary>The next <paramref name="count"/> deliveries are answered 429, as a door whose storage is down.</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _refuse, count);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private Task ForwardAsync(HttpContext context)
    {
        if (Handler is not { } handler || Interlocked.Decrement(ref _refuse) >= 0)
        {
            Refused++;
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "1";
            return Task.CompletedTask;
        }

        return handler(context);
    }
}
