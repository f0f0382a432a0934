using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RoezanGhl.GhlSimulator.Endpoints;
using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.GhlSimulator.Hosting;

/// <summary>Builds the simulator web app, for the command line and for tests in the same process.</summary>
public static class GhlSimulatorApp
{
    /// <summary>
    /// Builds the app. Settings come from <paramref name="state"/> when given, else from the
    /// <c>Simulator</c> configuration section (e.g. <c>--Simulator:AllowDuplicates=true</c>).
    /// <paramref name="quiet"/> removes logging (tests). Requests are appended to the file named by
    /// <c>GHLSIM_RECORD</c> unless <paramref name="recorder"/> says otherwise.
    /// </summary>
    public static WebApplication Build(string[] args, SimulatorState? state = null, bool quiet = false, RequestRecorder? recorder = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(GhlSimulatorApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (quiet)
        {
            builder.Logging.ClearProviders();
        }

        state ??= new SimulatorState(builder.Configuration.GetSection("Simulator").Get<SimulatorSettings>() ?? new SimulatorSettings());
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(recorder ?? RequestRecorder.FromEnvironment());

        var app = builder.Build();
        app.UseMiddleware<SimulatorGate>();
        AdminEndpoints.Map(app, state);
        ContactEndpoints.Map(app, state);
        ContactChildEndpoints.Map(app, state);
        LocationEndpoints.Map(app, state);
        ConversationEndpoints.Map(app, state);
        return app;
    }
}
