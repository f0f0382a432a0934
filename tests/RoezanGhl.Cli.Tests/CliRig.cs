using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using RoezanGhl.Cli.Hosting;
using RoezanGhl.Storage;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Hosting;

namespace RoezanGhl.Cli.Tests;

/// <summary>
/// The CLI run in-process through its root command, with captured output, against the app of an
/// <see cref="AppTestHost"/> (Azurite storage of its own, the GHL simulator, the app's own token provider and
/// secret store). The CLI builds the app itself from a real local.settings.json in a temporary folder holding the
/// host's settings, found the way an operator's would be; no environment variable of the test machine leaks in.
/// </summary>
internal sealed class CliRig : IAsyncDisposable
{
    public const string AccountId = AppTestHost.AccountId;
    public const string LocationId = AppTestHost.LocationId;
    public const string WebhookSecret = AppTestHost.WebhookSecret;

    private CliRig(AppTestHost host, string folder)
    {
        Host = host;
        Folder = folder;
        // As local.settings.json spells them: Ghl__BaseUrl, Secrets__ghl-token-loc-acme.
        Values = host.Settings
            .Where(setting => setting.Value is not null)
            .ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The same app, built by the test host: to arrange what a command will see and to read what it did.</summary>
    public AppTestHost Host { get; }

    public GhlSimulatorHost Simulator => Host.Simulator;

    /// <summary>The working folder; it holds local.settings.json.</summary>
    public string Folder { get; }

    public Dictionary<string, string> Values { get; }

    /// <summary>The tables, queues and containers the settings name.</summary>
    public StorageNames Names => Host.Names;

    public string SettingsPath => Path.Combine(Folder, "local.settings.json");

    public QueueClient RawQueue => Host.RawQueue;

    public QueueClient RawPoison => Host.RawPoison;

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<CliRig> StartAsync()
    {
        var host = await AppTestHost.Create().WithAppTokenProvider().WithAppSecretStore().StartAsync().ConfigureAwait(false);
        var rig = new CliRig(host, Directory.CreateTempSubdirectory("roezan-ghl-cli-").FullName);
        rig.WriteSettings();
        return rig;
    }

    public void WriteSettings(string? path = null)
    {
        var settings = new JsonObject { ["IsEncrypted"] = false, [nameof(Values)] = new JsonObject([.. Values.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))]) };
        File.WriteAllText(path ?? SettingsPath, settings.ToJsonString());
    }

    public CliContext Context(string? workingDirectory = null, Func<HttpMessageHandler>? http = null) => new()
    {
        WorkingDirectory = workingDirectory ?? Folder,
        Environment = Environment,
        Interactive = false,
        HttpHandler = http,
    };

    /// <summary>Runs <c>roezan-ghl {args}</c> and returns its exit code and what it wrote.</summary>
    public async Task<CliResult> RunAsync(params string[] args) => await RunInAsync(Folder, args).ConfigureAwait(false);

    public async Task<CliResult> RunInAsync(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.InvokeAsync(args, output, error, Context(workingDirectory)).ConfigureAwait(false);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>The app's services as the CLI builds them from local.settings.json (for tests of that building).</summary>
    public CliServices Services() => CliServices.Create(Context(), SettingsPath, verbose: false, TextWriter.Null);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync().ConfigureAwait(false);
        Directory.Delete(Folder, recursive: true);
    }
}
