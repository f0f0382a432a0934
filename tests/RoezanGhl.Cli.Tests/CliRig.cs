using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using RoezanGhl.Cli.Hosting;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Storage;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Reconciliation;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Ghl;

namespace RoezanGhl.Cli.Tests;

/// <summary>
/// The CLI run in-process through its root command, with captured output, against Azurite (a queue, tables and
/// lease container of its own) and the GHL simulator. Its settings are a real local.settings.json in a temporary
/// folder, found the way an operator's would be; no environment variable of the test machine leaks in.
/// </summary>
internal sealed class CliRig : IAsyncDisposable
{
    public const string AccountId = "acme";
    public const string LocationId = "loc-acme";
    public const string WebhookSecret = "test-secret-1";

    private CliRig(GhlSimulatorHost simulator, string folder, Dictionary<string, string> values)
    {
        Simulator = simulator;
        Folder = folder;
        Values = values;
        RawQueue = new QueueClient(Azurite.ConnectionString, values["Sync__EventsQueue"], new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        Names = new StorageNames(values["Sync__TablePrefix"], values["Sync__EventsQueue"], values["GhlOAuth__LeaseContainer"]);
        RawPoison = new QueueClient(Azurite.ConnectionString, Names.PoisonQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
    }

    public GhlSimulatorHost Simulator { get; }

    /// <summary>The working folder; it holds local.settings.json.</summary>
    public string Folder { get; }

    public Dictionary<string, string> Values { get; }

    /// <summary>The tables, queues and containers the settings name (as the rig made them).</summary>
    public StorageNames Names { get; }

    public string SettingsPath => Path.Combine(Folder, "local.settings.json");

    public QueueClient RawQueue { get; }

    public QueueClient RawPoison { get; }

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<CliRig> StartAsync(Action<Dictionary<string, string>>? change = null)
    {
        Azurite.EnsureRunning();
        var simulator = await GhlSimulatorHost.StartAsync(locations: [LocationId]).ConfigureAwait(false);
        var folder = Directory.CreateTempSubdirectory("roezan-ghl-cli-").FullName;
        var values = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["Sync__EventsQueue"] = Azurite.UniqueName("cli"),
            ["Sync__TablePrefix"] = "T" + Azurite.UniqueName("c")[..12],
            ["Ghl__BaseUrl"] = simulator.BaseUrl.ToString(),
            ["Ghl__RetryBaseDelay"] = "00:00:00.010",
            ["GhlOAuth__LeaseContainer"] = Azurite.UniqueName("lease"),
            [$"Roezan__Accounts__{AccountId}__GhlLocationId"] = LocationId,
            [$"Roezan__Accounts__{AccountId}__DefaultPhoneRegion"] = "US",
            [$"Roezan__Accounts__{AccountId}__TimeZone"] = "America/New_York",
            [$"Secrets__{SecretNames.RoezanWebhookSecret(AccountId)}"] = WebhookSecret,
            [$"Secrets__{SecretNames.GhlToken(LocationId)}"] = GhlSimulatorHost.TokenFor(LocationId),
        };
        change?.Invoke(values);
        var rig = new CliRig(simulator, folder, values);
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

    /// <summary>The app's services from the same settings, to arrange and inspect what a command sees.</summary>
    public CliServices Services() => CliServices.Create(Context(), SettingsPath, verbose: false, TextWriter.Null);

    public async ValueTask DisposeAsync()
    {
        await RawQueue.DeleteIfExistsAsync().ConfigureAwait(false);
        await RawPoison.DeleteIfExistsAsync().ConfigureAwait(false);
        var blobs = new BlobServiceClient(Azurite.ConnectionString);
        foreach (var container in Names.BlobContainers)
        {
            await blobs.GetBlobContainerClient(container).DeleteIfExistsAsync().ConfigureAwait(false);
        }

        var tables = new TableServiceClient(Azurite.ConnectionString);
        foreach (var table in Names.Tables)
        {
            await tables.DeleteTableAsync(table).ConfigureAwait(false);
        }

        await Simulator.DisposeAsync().ConfigureAwait(false);
        Directory.Delete(Folder, recursive: true);
    }
}
