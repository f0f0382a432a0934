using Microsoft.AspNetCore.Builder;
using RoezanGhl.RoezanSimulator.Operations;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.RoezanSimulator.Webhooks;

namespace RoezanGhl.RoezanSimulator.Hosting;

/// <summary>
/// The Roezan simulator running inside the test process on 127.0.0.1 and a free port, stopped on
/// dispose. Point a Roezan client at <see cref="ApiBaseUrl"/> (or use <see cref="CreateClient"/>);
/// arrange with <see cref="Admin"/>; assert on <see cref="State"/>; wait for webhooks with
/// <see cref="WaitForWebhooksAsync"/>.
/// </summary>
public sealed class RoezanSimulatorHost : IAsyncDisposable
{
    /// <summary>The account the default settings configure.</summary>
    public const string DefaultAccountId = "acme";

    private readonly WebApplication _app;

    private RoezanSimulatorHost(WebApplication app, RoezanSimulatorState state, Uri baseUrl)
    {
        _app = app;
        State = state;
        Admin = new RoezanSimulatorAdmin(state);
        BaseUrl = baseUrl;
        ApiBaseUrl = new Uri(baseUrl, "api/");
    }

    public RoezanSimulatorState State { get; }

    /// <summary>Simulator admin (not Roezan's API): seed contacts, inbound SMS, STOP/START, edits in Roezan, delivery reports.</summary>
    public RoezanSimulatorAdmin Admin { get; }

    public WebhookOutbox Outbox => State.Outbox;

    /// <summary><c>http://127.0.0.1:{port}/</c>; the admin API is under <c>_sim/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary><c>http://127.0.0.1:{port}/api/</c>: what <c>https://app.roezan.com/api</c> is in production.</summary>
    public Uri ApiBaseUrl { get; }

    /// <summary>Shorthand for <c>State.Settings</c>.</summary>
    public RoezanSimulatorSettings Settings
    {
        get => State.Settings;
        set => State.Settings = value;
    }

    /// <summary>
    /// Starts a simulator. Without <paramref name="settings"/>: account <see cref="DefaultAccountId"/>
    /// with key <see cref="ApiKeyFor"/>, no webhook URL, requests recorded in memory.
    /// </summary>
    /// <exception cref="ArgumentException">The settings have <see cref="RoezanSimulatorSettings.Problems"/>.</exception>
    public static async Task<RoezanSimulatorHost> StartAsync(RoezanSimulatorSettings? settings = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        settings ??= new RoezanSimulatorSettings { RecordInMemory = true }.WithAccount(DefaultAccountId, ApiKeyFor(DefaultAccountId));
        var state = new RoezanSimulatorState(settings, timeProvider);
        var app = RoezanSimulatorApp.Build(state, port: 0, quiet: true);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new RoezanSimulatorHost(app, state, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
    }

    /// <summary>The key the default settings accept for <paramref name="accountId"/> (obviously fake).</summary>
    public static string ApiKeyFor(string accountId) => $"test-roezan-key-{accountId}";

    /// <summary>
    /// A client for the Roezan API (<see cref="ApiBaseUrl"/>) sending <paramref name="apiKey"/>, by
    /// default the first key of the only or the <see cref="DefaultAccountId"/> account. The caller disposes it.
    /// </summary>
    public HttpClient CreateClient(string? apiKey = null)
    {
        var accounts = Settings.Accounts;
        apiKey ??= (accounts.Count == 1 ? accounts.Values.Single() : accounts.GetValueOrDefault(DefaultAccountId))?.ApiKeys.FirstOrDefault();
        var client = new HttpClient { BaseAddress = ApiBaseUrl };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(SimulatorGate.ApiKeyHeader, apiKey);
        }

        return client;
    }

    /// <summary>Completes when every webhook event so far was delivered, given up, or had no target.</summary>
    public Task WaitForWebhooksAsync(CancellationToken cancellationToken = default) => Outbox.WaitUntilDrainedAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
