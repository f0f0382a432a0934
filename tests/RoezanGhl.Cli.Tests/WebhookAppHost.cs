using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Cli.Tests;

/// <summary>
/// A running app for <c>send</c> to POST to: the test host's webhook function class (the same app the CLI
/// builds), behind the function-key gate the Functions host puts in front of it, on 127.0.0.1 and a free port.
/// </summary>
internal sealed class WebhookAppHost : IAsyncDisposable
{
    public const string FunctionKey = "test-function-key-1";

    private readonly WebApplication _web;

    private WebhookAppHost(WebApplication web, Uri baseUrl)
    {
        _web = web;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int Requests { get; private set; }

    public static async Task<WebhookAppHost> StartAsync(AppTestHost app)
    {
        TestLanes.RequireIntegration("The webhook app on 127.0.0.1");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var web = builder.Build();
        WebhookAppHost? host = null;
        web.MapPost("/api/roezan/{accountId}/events", async (HttpContext context, string accountId) =>
        {
            host!.Requests++;
            if (context.Request.Headers["x-functions-key"] != FunctionKey)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            var result = (ContentResult)await app.Webhook.RunAsync(context.Request, accountId, context.RequestAborted);
            context.Response.StatusCode = result.StatusCode ?? 200;
            context.Response.ContentType = result.ContentType;
            await context.Response.WriteAsync(result.Content ?? "", context.RequestAborted);
        });
        await web.StartAsync();
        host = new WebhookAppHost(web, new Uri(web.Urls.Single()));
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
    }
}
