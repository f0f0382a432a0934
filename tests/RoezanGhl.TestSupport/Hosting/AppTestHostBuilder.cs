using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Engine;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.TestSupport.Ghl;

namespace RoezanGhl.TestSupport.Hosting;

/// <summary>
/// What a test changes about the app <see cref="AppTestHost"/> builds; everything it does not say is the app's
/// own wiring and the sample settings. Each method returns the builder; <see cref="StartAsync"/> builds the host.
/// </summary>
public sealed class AppTestHostBuilder
{
    internal List<TestAccount> Accounts { get; } = [];

    internal List<string> ExtraLocations { get; } = [];

    internal Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal Dictionary<string, string> Secrets { get; } = new(StringComparer.Ordinal);

    internal List<Action<IServiceCollection>> ServiceChanges { get; } = [];

    internal List<Action<ILoggingBuilder>> LoggingChanges { get; } = [];

    internal FakeTimeProvider? FakeTime { get; private set; }

    internal CapturedTelemetry? Telemetry { get; private set; }

    internal GhlSimulatorHost? SharedSimulator { get; private set; }

    internal bool StartsSimulator { get; private set; } = true;

    internal bool SendsGhlWebhooks { get; private set; }

    internal Func<RoezanSimulator.State.RoezanSimulatorSettings, RoezanSimulator.State.RoezanSimulatorSettings>? RoezanSimulatorChanges { get; private set; }

    internal bool FakeTokens { get; private set; } = true;

    internal bool InMemorySecrets { get; private set; } = true;

    internal bool QuickTimings { get; private set; } = true;

    internal bool ValidatesOnStart { get; private set; } = true;

    internal TimeSpan PumpRetryVisibility { get; private set; } = TimeSpan.FromSeconds(1);

    internal TimeSpan PumpPollInterval { get; private set; } = TimeSpan.FromMilliseconds(50);

    internal TimeSpan PumpReceiveVisibility { get; private set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A Roezan account feeding a GHL location, with the default phone region and time zone, signing with
    /// <paramref name="webhookSecret"/> (null: no secret is stored). Without any, the host has
    /// <see cref="AppTestHost.AccountId"/> → <see cref="AppTestHost.LocationId"/>.
    /// </summary>
    public AppTestHostBuilder WithAccount(string accountId, string locationId, string? webhookSecret = AppTestHost.WebhookSecret)
    {
        Accounts.Add(new TestAccount(accountId, locationId, webhookSecret));
        return this;
    }

    /// <summary>A GHL location that no account feeds but the simulator accepts a token for (and, with the app's token provider, that has one stored).</summary>
    public AppTestHostBuilder WithGhlLocation(string locationId)
    {
        ExtraLocations.Add(locationId);
        return this;
    }

    /// <summary>Sets (or, with null, removes) one setting, by its configuration key (<c>Sync:DriftMode</c>); it wins over every default.</summary>
    public AppTestHostBuilder WithSetting(string key, string? value)
    {
        Settings[key] = value;
        return this;
    }

    public AppTestHostBuilder WithSettings(IEnumerable<KeyValuePair<string, string?>>? settings)
    {
        foreach (var (key, value) in settings ?? [])
        {
            Settings[key] = value;
        }

        return this;
    }

    /// <summary>A secret in the app's secret store (the in-memory one, or <c>Secrets:{name}</c> with <see cref="WithAppSecretStore"/>).</summary>
    public AppTestHostBuilder WithSecret(string name, string value)
    {
        Secrets[name] = value;
        return this;
    }

    /// <summary>Runs after the app's registrations and the host's replacements: replace a service to inject a failure.</summary>
    public AppTestHostBuilder WithServices(Action<IServiceCollection> configure)
    {
        ServiceChanges.Add(configure ?? throw new ArgumentNullException(nameof(configure)));
        return this;
    }

    /// <summary>Runs after the host's logging set-up (captured in <see cref="AppTestHost.Logs"/> from Debug up).</summary>
    public AppTestHostBuilder WithLogging(Action<ILoggingBuilder> configure)
    {
        LoggingChanges.Add(configure ?? throw new ArgumentNullException(nameof(configure)));
        return this;
    }

    /// <summary>
    /// The app's OpenTelemetry registration with in-memory exporters: every span, metric and log record it exports is
    /// in <see cref="AppTestHost.Telemetry"/>.
    /// </summary>
    public AppTestHostBuilder CaptureTelemetry()
    {
        Telemetry = new CapturedTelemetry();
        return this;
    }

    /// <summary>The app (and the simulator it starts) on a <see cref="FakeTimeProvider"/>; 2026-11-24 10:00:30 UTC unless <paramref name="start"/> says otherwise.</summary>
    public AppTestHostBuilder WithFakeTime(DateTimeOffset? start = null)
    {
        FakeTime = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 24, 10, 0, 30, TimeSpan.Zero));
        return this;
    }

    /// <summary>Points the app at a simulator the caller started and disposes (one shared by several systems).</summary>
    public AppTestHostBuilder WithGhlSimulator(GhlSimulatorHost simulator)
    {
        SharedSimulator = simulator ?? throw new ArgumentNullException(nameof(simulator));
        return this;
    }

    /// <summary>
    /// Starts the Roezan simulator with the host's accounts (their API keys and webhook secrets), points the app's
    /// Roezan API at it, and sends its webhooks to the app's Roezan door through a <see cref="WebhookForwarder"/>
    /// (<see cref="AppTestHost.Roezan"/>). <paramref name="change"/> adjusts its settings (faults, rate limits).
    /// </summary>
    public AppTestHostBuilder WithRoezanSimulator(Func<RoezanSimulator.State.RoezanSimulatorSettings, RoezanSimulator.State.RoezanSimulatorSettings>? change = null)
    {
        RoezanSimulatorChanges = change ?? (settings => settings);
        return this;
    }

    /// <summary>
    /// The GHL simulator sends signed webhooks for every contact change made through its API or by its "GHL user"
    /// (not for seeds) to the app's GHL door (<see cref="AppTestHost.GhlWebhooks"/>), so that echoes are real.
    /// </summary>
    public AppTestHostBuilder WithGhlSimulatorWebhooks()
    {
        SendsGhlWebhooks = true;
        return this;
    }

    /// <summary>No GHL simulator: for tests that never reach GHL. <c>Ghl:BaseUrl</c> stays the sample's.</summary>
    public AppTestHostBuilder WithoutGhlSimulator()
    {
        StartsSimulator = false;
        return this;
    }

    /// <summary>
    /// The app's own GHL token provider instead of <see cref="FakeGhlTokenProvider"/>: each location gets the
    /// private-integration token the simulator accepts, stored where the app reads it (none without a simulator).
    /// </summary>
    public AppTestHostBuilder WithAppTokenProvider()
    {
        FakeTokens = false;
        return this;
    }

    /// <summary>The app's own secret store (local settings' <c>Secrets:*</c>, or Key Vault when configured) instead of <see cref="InMemorySecretStore"/>.</summary>
    public AppTestHostBuilder WithAppSecretStore()
    {
        InMemorySecrets = false;
        return this;
    }

    /// <summary>The app's own retry delays and waits instead of the host's short ones (the load harness measures them).</summary>
    public AppTestHostBuilder WithAppTimings()
    {
        QuickTimings = false;
        return this;
    }

    /// <summary>Builds without running the settings validation the app runs on start (for tests of a bad setting).</summary>
    public AppTestHostBuilder WithoutStartValidation()
    {
        ValidatesOnStart = false;
        return this;
    }

    /// <summary>How long a failed delivery stays invisible (host.json's visibilityTimeout in the app) and how often an empty queue is polled.</summary>
    public AppTestHostBuilder WithPump(TimeSpan? retryVisibility = null, TimeSpan? pollInterval = null)
    {
        PumpRetryVisibility = retryVisibility ?? PumpRetryVisibility;
        PumpPollInterval = pollInterval ?? PumpPollInterval;
        return this;
    }

    /// <summary>
    /// How long a received message stays invisible while it runs (<see cref="Queues.QueueTestPump.ReceiveVisibility"/>):
    /// shorter for a storage outage, after which a message whose delete failed comes back.
    /// </summary>
    public AppTestHostBuilder WithPumpReceiveVisibility(TimeSpan visibility)
    {
        PumpReceiveVisibility = visibility;
        return this;
    }

    /// <summary>
    /// Starts the simulator (unless told not to), gives the app its settings, registers <c>AddRoezanGhl</c>, replaces
    /// the clock, tokens and secrets as asked, runs the test's own registrations, and validates the settings as the
    /// app does on start.
    /// </summary>
    public async Task<AppTestHost> StartAsync()
    {
        Azurite.EnsureRunning();
        IReadOnlyList<TestAccount> accounts = Accounts.Count > 0 ? [.. Accounts] : [new TestAccount(AppTestHost.AccountId, AppTestHost.LocationId, AppTestHost.WebhookSecret)];
        var simulator = SharedSimulator ?? (StartsSimulator
            ? await GhlSimulatorHost.StartAsync(locations: AppTestSettings.Locations(this, accounts), timeProvider: FakeTime).ConfigureAwait(false)
            : null);
        var roezan = RoezanSimulatorChanges is { } change ? await RoezanSimulatorLink.StartAsync(accounts, FakeTime, change).ConfigureAwait(false) : null;
        AppTestHost host;
        try
        {
            var settings = AppTestSettings.Build(this, accounts, simulator);
            roezan?.Configure(settings, accounts, Secrets, InMemorySecrets);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            var tokens = FakeTokens ? new FakeGhlTokenProvider() : null;
            var secrets = InMemorySecrets ? new InMemorySecretStore() : null;
            foreach (var (name, value) in InMemorySecrets ? AppTestSettings.Secrets(this, accounts) : [])
            {
                secrets!.Put(name, value);
            }

            var logs = new FakeLogCollector();
            var services = new ServiceCollection();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddSingleton(logs);
            services.AddLogging(logging =>
            {
                logging.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug);
                LoggingChanges.ForEach(configure => configure(logging));
            });
            services.AddRoezanGhl(configuration);
            Telemetry?.Register(services, configuration);
            if (FakeTime is { } time)
            {
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
            }

            if (tokens is not null)
            {
                services.Replace(ServiceDescriptor.Singleton<IGhlTokenProvider>(tokens));
            }

            if (secrets is not null)
            {
                services.Replace(ServiceDescriptor.Singleton<ISecretStore>(secrets));
            }

            ServiceChanges.ForEach(configure => configure(services));
            var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
            host = new AppTestHost(provider, this, accounts, settings, simulator, roezan);
            Telemetry?.Start(provider);
        }
        catch
        {
            if (roezan is not null)
            {
                await roezan.DisposeAsync().ConfigureAwait(false);
            }

            if (SharedSimulator is null && simulator is not null)
            {
                await simulator.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        roezan?.Connect(host.Get<RoezanGhl.Engine.Intake.RoezanWebhookIngestor>());
        if (SendsGhlWebhooks && simulator is not null)
        {
            host.GhlWebhooksLink = await GhlWebhookLink.StartAsync(simulator.State, host.Get<RoezanGhl.Engine.Intake.GhlWebhookIngestor>()).ConfigureAwait(false);
        }

        if (ValidatesOnStart)
        {
            try
            {
                host.Services.GetService<IStartupValidator>()?.Validate();
            }
            catch
            {
                await host.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return host;
    }
}
