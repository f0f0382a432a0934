using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RoezanGhl.RoezanSimulator.Endpoints;
using RoezanGhl.RoezanSimulator.Operations;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.RoezanSimulator.Webhooks;

namespace RoezanGhl.RoezanSimulator.Hosting;

/// <summary>Builds the simulator web app, for the command line and for tests in the same process.</summary>
public static class RoezanSimulatorApp
{
    /// <summary>
    /// The app over <paramref name="state"/>, listening on 127.0.0.1 only (<paramref name="port"/> 0:
    /// a free port, read it from <c>Urls</c> after start). Its webhook dispatcher starts and stops
    /// with it. <paramref name="quiet"/> removes logging (tests).
    /// </summary>
    public static WebApplication Build(RoezanSimulatorState state, int port = 0, bool quiet = false)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65_535);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(RoezanSimulatorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        if (quiet)
        {
            builder.Logging.ClearProviders();
        }

        // ASP.NET's request lines carry query strings (phone numbers, emails): never logged.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(state);
        builder.Services.AddHostedService<WebhookDispatcher>();

        var app = builder.Build();
        var changes = new ContactChanges(state);
        app.UseMiddleware<SimulatorGate>();
        RoezanApiEndpoints.Map(app, new RoezanApi(state, changes));
        AdminEndpoints.Map(app, state);
        ScenarioEndpoints.Map(app, state, new RoezanSimulatorAdmin(state));
        return app;
    }
}
