using Microsoft.AspNetCore.Builder;
using RoezanGhl.GhlSimulator.Hosting;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.TestSupport.Ghl;

/// <summary>
/// The GHL simulator running inside the test process on 127.0.0.1 and a free port, stopped on dispose.
/// Arrange and assert through <see cref="State"/>; point a client at <see cref="BaseUrl"/>
/// (or use <see cref="GhlTestClient.Create"/>).
/// </summary>
public sealed class GhlSimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GhlSimulatorHost(WebApplication app, SimulatorState state, Uri baseUrl)
    {
        _app = app;
        State = state;
        BaseUrl = baseUrl;
    }

    public SimulatorState State { get; }

    public Uri BaseUrl { get; }

    /// <summary>Shorthand for <c>State.Settings</c>.</summary>
    public SimulatorSettings Settings
    {
        get => State.Settings;
        set => State.Settings = value;
    }

    /// <summary>
    /// Starts a simulator. Without <paramref name="settings"/>: requests recorded in memory, GHL's
    /// limits, duplicates blocked, and the token <c>test-token-{location}</c> accepted for each
    /// location in <paramref name="locations"/> (any token when none are named). Requests are appended
    /// to <paramref name="recordFile"/> when given, else to the file named by <c>GHLSIM_RECORD</c>.
    /// </summary>
    public static async Task<GhlSimulatorHost> StartAsync(SimulatorSettings? settings = null, IEnumerable<string>? locations = null, TimeProvider? timeProvider = null, string? recordFile = null)
    {
        TestLanes.RequireIntegration("The GHL simulator");
        settings ??= new SimulatorSettings
        {
            RecordInMemory = true,
            Tokens = (locations ?? []).ToDictionary(TokenFor, location => location, StringComparer.Ordinal),
        };
        var state = new SimulatorState(settings, timeProvider);
        var app = GhlSimulatorApp.Build(["--urls", "http://127.0.0.1:0"], state, quiet: true, recordFile is null ? null : new RequestRecorder(recordFile));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Urls.Single();
        return new GhlSimulatorHost(app, state, new Uri(address));
    }

    /// <summary>The token the default settings accept for <paramref name="locationId"/> (obviously fake).</summary>
    public static string TokenFor(string locationId) => $"test-token-{locationId}";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
