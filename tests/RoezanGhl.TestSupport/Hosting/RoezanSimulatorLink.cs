using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Core.Events;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Engine.Intake;
using RoezanGhl.RoezanSimulator.Hosting;
using RoezanGhl.RoezanSimulator.State;

namespace RoezanGhl.TestSupport.Hosting;

/// <summary>
/// The Roezan simulator wired to the app: the app's Roezan API base URL and keys point at it, and its signed webhooks
/// go through a <see cref="WebhookForwarder"/> to the app's Roezan door (the ingestor behind the function, with the
/// signature header and body as sent).
/// </summary>
public sealed class RoezanSimulatorLink : IAsyncDisposable
{
    private RoezanSimulatorLink(RoezanSimulatorHost simulator, WebhookForwarder forwarder)
    {
        Simulator = simulator;
        Forwarder = forwarder;
    }

    public RoezanSimulatorHost Simulator { get; }

    public WebhookForwarder Forwarder { get; }

    public static async Task<RoezanSimulatorLink> StartAsync(IReadOnlyList<TestAccount> accounts, FakeTimeProvider? time, Func<RoezanSimulatorSettings, RoezanSimulatorSettings>? change)
    {
        var forwarder = await WebhookForwarder.StartAsync().ConfigureAwait(false);
        try
        {
            var settings = new RoezanSimulatorSettings { RecordInMemory = true, WebhookRetryBaseDelayMs = 200, WebhookRetryMaxDelayMs = 2_000, WebhookMaxAttempts = 20 };
            foreach (var account in accounts)
            {
                settings = settings.WithAccount(account.AccountId, RoezanSimulatorHost.ApiKeyFor(account.AccountId), new Uri(forwarder.BaseUrl, $"roezan/{account.AccountId}/events").ToString(), account.WebhookSecret);
            }

            var simulator = await RoezanSimulatorHost.StartAsync(change?.Invoke(settings) ?? settings, time).ConfigureAwait(false);
            return new RoezanSimulatorLink(simulator, forwarder);
        }
        catch
        {
            await forwarder.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Points the app at the simulator: its API base URL in <paramref name="settings"/>, each account's API key in
    /// <paramref name="secrets"/> (the test's secrets, unless it set one itself) and, for the app's own secret store,
    /// in <c>Secrets:*</c> settings too.
    /// </summary>
    public void Configure(Dictionary<string, string?> settings, IReadOnlyList<TestAccount> accounts, Dictionary<string, string> secrets, bool inMemorySecrets)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(secrets);
        settings["Roezan:Api:BaseUrl"] = Simulator.ApiBaseUrl.ToString().TrimEnd('/');
        foreach (var account in accounts)
        {
            var name = SecretNames.RoezanApiKey(account.AccountId);
            secrets.TryAdd(name, RoezanSimulatorHost.ApiKeyFor(account.AccountId));
            if (!inMemorySecrets)
            {
                settings.TryAdd("Secrets:" + name, secrets[name]);
            }
        }
    }

    /// <summary>From now on, deliveries reach <paramref name="door"/>.</summary>
    public void Connect(RoezanWebhookIngestor door)
    {
        ArgumentNullException.ThrowIfNull(door);
        Forwarder.Handler = async context =>
        {
            var accountId = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries)[1];
            var result = await door.IngestAsync(
                accountId,
                new RoezanWebhookRequest(context.Request.ContentType, context.Request.ContentLength, context.Request.Headers[RoezanSignatureVerifier.HeaderName].ToString(), context.Request.Body),
                context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = result.StatusCode;
            if (result.RetryAfterHeader is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            await context.Response.WriteAsync(result.ToJson(), context.RequestAborted).ConfigureAwait(false);
        };
    }

    public async ValueTask DisposeAsync()
    {
        Forwarder.Handler = null;
        await Simulator.DisposeAsync().ConfigureAwait(false);
        await Forwarder.DisposeAsync().ConfigureAwait(false);
    }
}
