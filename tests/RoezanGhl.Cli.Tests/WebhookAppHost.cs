using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RoezanGhl.Cli.Hosting;
using RoezanGhl.Engine.Intake;
using RoezanGhl.Functions.Functions;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Cli.Tests;

/// <summary>
/// A running app for <c>send</c> to POST to: the webhook function class, wired from the same settings as the CLI,
/// behind the function-key gate the Functions host puts in front of it, on 127.0.0.1 and a free port.
/// </summary>
internal sealed class WebhookAppHost : IAsyncDisposable
{
    public const string FunctionKey = "test-function-key-1";

    private readonly WebApplication _web;
    private readonly CliServices _app;

    private WebhookAppHost(WebApplication web, CliServices app, Uri baseUrl)
    {
        _web = web;
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int Requests { get; private set; }

    public static async Task<WebhookAppHost> StartAsync(CliServices app)
    {
        TestLanes.RequireIntegration("The webhook app on 127.0.0.1");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var web = builder.Build();
        WebhookAppHost? host = null;
        var function = new RoezanWebhookFunction(app.Get<RoezanWebhookIngestor>());
        web.MapPost("/api/roezan/{accountId}/events", async (HttpContext context, string accountId) =>
        {
            host!.Requests++;
            if (context.Request.Headers["x-functions-key"] != FunctionKey)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            var result = (ContentResult)await function.RunAsync(context.Request, accountId, context.RequestAborted);
            context.Response.StatusCode = result.StatusCode ?? 200;
            context.Response.ContentType = result.ContentType;
            await context.Response.WriteAsync(result.Content ?? "", context.RequestAborted);
        });
        await web.StartAsync();
        host = new WebhookAppHost(web, app, new Uri(web.Urls.Single()));
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
        await _app.DisposeAsync();
    }
}
