using Microsoft.Extensions.DependencyInjection;

namespace RoezanGhl.Cli;

/// <summary>
/// What the commands take from their surroundings, so that tests run them in-process: the working folder (to
/// find local.settings.json), the environment variables, and optional changes to the services (after the app's
/// own registrations) and to the HTTP handler <c>send</c> uses.
/// </summary>
public sealed record CliContext
{
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Environment variables; they override local.settings.json as they do for the app.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Runs after <c>AddRoezanGhl</c>: tests replace the clock or a client here.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>The handler under <c>send</c>'s HttpClient; null uses the default.</summary>
    public Func<HttpMessageHandler>? HttpHandler { get; init; }

    /// <summary>False writes plain text (no colours, no live spinner): for captured output.</summary>
    public bool Interactive { get; init; } = !Console.IsOutputRedirected;

    public static CliContext FromProcess() => new()
    {
        Environment = System.Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value, StringComparer.OrdinalIgnoreCase),
    };
}
