using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Cli.Configuration;
using RoezanGhl.Engine;

namespace RoezanGhl.Cli.Hosting;

/// <summary>
/// The app's services for one command: the same settings (local.settings.json <c>Values</c>, then environment
/// variables on top) and the same wiring (<see cref="RoezanGhlServiceCollectionExtensions.AddRoezanGhl"/>), with
/// the settings validated up front so that a bad one is one clear error instead of a failure half-way.
/// </summary>
internal sealed class CliServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private CliServices(ServiceProvider provider, IConfiguration configuration, string? settingsFile)
    {
        _provider = provider;
        Configuration = configuration;
        SettingsFile = settingsFile;
    }

    public IConfiguration Configuration { get; }

    /// <summary>The local.settings.json read, or null when only environment variables were.</summary>
    public string? SettingsFile { get; }

    public IServiceProvider Provider => _provider;

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public static IConfiguration BuildConfiguration(CliContext context, string? settingsPath, out string? settingsFile)
    {
        settingsFile = LocalSettingsFile.Find(settingsPath, context.WorkingDirectory);
        var builder = new ConfigurationBuilder();
        if (settingsFile is not null)
        {
            builder.AddInMemoryCollection(LocalSettingsFile.ReadValues(settingsFile));
        }

        // Environment variables win over the file, as with func start; "__" separates sections.
        var environment = (context.Environment ?? new Dictionary<string, string?>())
            .Where(variable => variable.Value is not null)
            .ToDictionary(variable => variable.Key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), variable => variable.Value, StringComparer.OrdinalIgnoreCase);
        builder.AddInMemoryCollection(environment);
        return builder.Build();
    }

    public static CliServices Create(CliContext context, string? settingsPath, bool verbose, TextWriter log)
    {
        var configuration = BuildConfiguration(context, settingsPath, out var settingsFile);
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);
            if (verbose)
            {
                logging.AddProvider(new TextWriterLoggerProvider(log));
            }
        });
        services.AddRoezanGhl(configuration);
        context.ConfigureServices?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException exception)
        {
            DisposeNow(provider);
            throw new CliException($"invalid settings{(settingsFile is null ? "" : $" ({settingsFile})")}: {exception.Failures.FirstOrDefault() ?? exception.Message}");
        }
        catch (AggregateException exception) when (exception.InnerExceptions.FirstOrDefault() is OptionsValidationException first)
        {
            DisposeNow(provider);
            throw new CliException($"invalid settings{(settingsFile is null ? "" : $" ({settingsFile})")}: {first.Failures.FirstOrDefault() ?? first.Message}");
        }

        return new CliServices(provider, configuration, settingsFile);
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    // Some of the app's services (the worker's telemetry module) only dispose asynchronously.
    private static void DisposeNow(ServiceProvider provider) => provider.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
