using System.CommandLine;
using Microsoft.Extensions.Configuration;
using RoezanGhl.RoezanSimulator.State;

namespace RoezanGhl.RoezanSimulator.Hosting;

/// <summary>
/// The command line: <c>--port 5082 --account demo --api-key … --webhook-url … --webhook-secret …</c>
/// plus <c>--setting Name=value</c> for any other <see cref="RoezanSimulatorSettings"/> member.
/// </summary>
public static class SimulatorCommandLine
{
    public const int DefaultPort = 5082;
    public const string DefaultAccount = "demo";

    /// <summary>An obviously fake key, for the README's local run; give the app the same one.</summary>
    public const string DefaultApiKey = "roezansim-local-key";

    /// <summary>The webhook secret of <c>local.settings.sample.json</c> (account demo), so a local run signs what the local app accepts.</summary>
    public const string DefaultWebhookSecret = "local-dev-webhook-secret-change-me";

    private static readonly Option<int> Port = new("--port") { Description = $"Port on 127.0.0.1 (0: a free one). Default {DefaultPort}.", DefaultValueFactory = _ => DefaultPort };
    private static readonly Option<string> Account = new("--account") { Description = $"The Roezan account id. Default {DefaultAccount}.", DefaultValueFactory = _ => DefaultAccount };
    private static readonly Option<string> ApiKey = new("--api-key") { Description = $"The X-API-Key the account accepts. Default {DefaultApiKey}.", DefaultValueFactory = _ => DefaultApiKey };
    private static readonly Option<string?> WebhookUrl = new("--webhook-url") { Description = "Where the account's signed webhooks go, e.g. http://localhost:7071/api/roezan/demo/events." };
    private static readonly Option<string?> WebhookSecret = new("--webhook-secret") { Description = $"The secret that signs them. Default: the sample settings' {DefaultWebhookSecret}.", DefaultValueFactory = _ => DefaultWebhookSecret };
    private static readonly Option<string[]> Settings = new("--setting") { Description = "Any other setting as Name=value (repeatable), e.g. LatencyMs=200, RateLimitLimit=60.", DefaultValueFactory = _ => [] };

    /// <summary>The root command; <paramref name="run"/> gets the checked settings and the port.</summary>
    public static RootCommand Create(Func<RoezanSimulatorSettings, int, CancellationToken, Task<int>> run)
    {
        var root = new RootCommand("Roezan SMS API simulator (stateful, signed webhooks, rate limits, faults). Admin API under /_sim.")
        {
            Port, Account, ApiKey, WebhookUrl, WebhookSecret, Settings,
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            var launch = Read(parse);
            if (launch.Problems.Count > 0)
            {
                foreach (var problem in launch.Problems)
                {
                    await Console.Error.WriteLineAsync(problem).ConfigureAwait(false);
                }

                return 2;
            }

            return await run(launch.Settings!, launch.Port, cancellationToken).ConfigureAwait(false);
        });
        return root;
    }

    /// <summary>Reads <paramref name="args"/> into checked settings, or the problems that stop a start.</summary>
    public static SimulatorLaunch Read(string[] args) => Read(Create((_, _, _) => Task.FromResult(0)).Parse(args));

    private static SimulatorLaunch Read(ParseResult parse)
    {
        if (parse.Errors.Count > 0)
        {
            return new SimulatorLaunch(null, 0, [.. parse.Errors.Select(error => error.Message)]);
        }

        var port = parse.GetValue(Port);
        var problems = new List<string>();
        if (port is < 0 or > 65_535)
        {
            problems.Add("--port must be between 0 and 65535.");
        }

        var webhookUrl = parse.GetValue(WebhookUrl);
        var settings = new RoezanSimulatorSettings().WithAccount(parse.GetValue(Account)!, parse.GetValue(ApiKey)!, webhookUrl, webhookUrl is null ? null : parse.GetValue(WebhookSecret));
        var pairs = parse.GetValue(Settings)!.Select(pair => pair.Split('=', 2)).ToList();
        problems.AddRange(pairs.Where(pair => pair.Length != 2 || pair[0].Contains(':', StringComparison.Ordinal)).Select(pair => $"--setting {pair[0]}: give Name=value for a simple setting."));
        if (problems.Count == 0)
        {
            try
            {
                // Bound onto a copy, so unnamed settings keep their defaults and a misspelt name is an error.
                settings = settings with { };
                new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(pair => KeyValuePair.Create(pair[0], (string?)pair[1]))).Build()
                    .Bind(settings, options => options.ErrorOnUnknownConfiguration = true);
            }
            catch (InvalidOperationException exception)
            {
                problems.Add($"--setting: {exception.Message}");
            }
        }

        problems.AddRange(settings.Problems());
        return new SimulatorLaunch(problems.Count == 0 ? settings : null, port, problems);
    }
}
