using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using RoezanGhl.Functions.Functions;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Functions.Tests.Console;

/// <summary>
/// The console as the Functions host serves it: each route of the console's function classes (activated from the
/// app test host's services, as the worker activates them) behind a minimal-API endpoint on 127.0.0.1 and a free
/// port, their <see cref="IActionResult"/> written as the ASP.NET Core integration writes it.
/// </summary>
internal sealed class ConsoleWebHost : IAsyncDisposable
{
    private readonly WebApplication _web;

    private ConsoleWebHost(WebApplication web, Uri baseUrl)
    {
        _web = web;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<ConsoleWebHost> StartAsync(AppTestHost app)
    {
        TestLanes.RequireIntegration("The console on 127.0.0.1");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var web = builder.Build();

        // A failure shows in the browser (and so in the test's message) rather than as a bare 500.
        web.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception exception) when (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync(exception.ToString());
            }
        });
        ConsolePagesFunction Pages() => app.Function<ConsolePagesFunction>();
        ConsoleConfigurationFunction Configuration() => app.Function<ConsoleConfigurationFunction>();
        ConsoleEventFunction Events() => app.Function<ConsoleEventFunction>();
        web.MapGet("/api/console", (HttpContext c) => WriteAsync(c, ConsolePagesFunction.Home(c.Request)));
        web.MapGet("/api/console/assets/{*file}", (HttpContext c, string file) => WriteAsync(c, ConsolePagesFunction.Asset(c.Request, file)));
        web.MapGet("/api/console/accounts", async (HttpContext c) => await WriteAsync(c, await Pages().AccountsAsync(c.Request, c.RequestAborted)));
        web.MapGet("/api/console/mapping", async (HttpContext c) => await WriteAsync(c, await Pages().MappingAsync(c.Request, c.RequestAborted)));
        web.MapGet("/api/console/history", async (HttpContext c) => await WriteAsync(c, await Pages().HistoryAsync(c.Request, c.RequestAborted)));
        web.MapGet("/api/console/history/rows", async (HttpContext c) => await WriteAsync(c, await Pages().RowsAsync(c.Request, c.RequestAborted)));
        web.MapMethods("/api/console/signin", ["GET", "POST"], async (HttpContext c) => await WriteAsync(c, await app.Function<ConsoleSignInFunction>().RunAsync(c.Request, c.RequestAborted)));
        web.MapPost("/api/console/api/accounts/{accountId}/preview", async (HttpContext c, string accountId) => await WriteAsync(c, await Configuration().PreviewAsync(c.Request, accountId, c.RequestAborted)));
        web.MapPut("/api/console/api/accounts/{accountId}/configuration", async (HttpContext c, string accountId) => await WriteAsync(c, await Configuration().SaveAsync(c.Request, accountId, c.RequestAborted)));
        web.MapPost("/api/console/api/accounts/{accountId}/versions/{version:int}/restore", async (HttpContext c, string accountId, int version) => await WriteAsync(c, await Configuration().RestoreAsync(c.Request, accountId, version, c.RequestAborted)));
        web.MapPost("/api/console/api/accounts/{accountId}/check", async (HttpContext c, string accountId) => await WriteAsync(c, await app.Function<ConsoleCheckFunction>().RunAsync(c.Request, accountId, c.RequestAborted)));
        web.MapGet("/api/console/history/events/{accountId}/{eventId}", async (HttpContext c, string accountId, string eventId) => await WriteAsync(c, await Events().DetailAsync(c.Request, accountId, eventId, c.RequestAborted)));
        web.MapPost("/api/console/history/events/{accountId}/{eventId}/replay", async (HttpContext c, string accountId, string eventId) => await WriteAsync(c, await Events().ReplayAsync(c.Request, accountId, eventId, c.RequestAborted)));
        ConsoleTemplatesFunction Templates() => app.Function<ConsoleTemplatesFunction>();
        web.MapGet("/api/console/templates", async (HttpContext c) => await WriteAsync(c, await Templates().PageAsync(c.Request, c.RequestAborted)));
        web.MapPost("/api/console/api/accounts/{accountId}/templates/preview", async (HttpContext c, string accountId) => await WriteAsync(c, await Templates().PreviewAsync(c.Request, accountId, c.RequestAborted)));
        web.MapPut("/api/console/api/accounts/{accountId}/templates", async (HttpContext c, string accountId) => await WriteAsync(c, await Templates().SaveAsync(c.Request, accountId, c.RequestAborted)));
        await web.StartAsync();
        return new ConsoleWebHost(web, new Uri(web.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
    }

    /// <summary>Writes the kinds of result the console's functions return, as MVC's executors would.</summary>
    private static async Task WriteAsync(HttpContext context, IActionResult result)
    {
        var response = context.Response;
        switch (result)
        {
            case ContentResult content:
                response.StatusCode = content.StatusCode ?? 200;
                response.ContentType = content.ContentType;
                await response.WriteAsync(content.Content ?? string.Empty, context.RequestAborted);
                break;
            case FileContentResult file:
                response.ContentType = file.ContentType;
                await response.Body.WriteAsync(file.FileContents, context.RequestAborted);
                break;
            case RedirectResult redirect:
                response.StatusCode = StatusCodes.Status302Found;
                response.Headers.Location = redirect.Url;
                break;
            case StatusCodeResult status:
                response.StatusCode = status.StatusCode;
                break;
            case EmptyResult:
                break;
            default:
                throw new InvalidOperationException($"The console test host cannot write {result.GetType().Name}.");
        }
    }
}
