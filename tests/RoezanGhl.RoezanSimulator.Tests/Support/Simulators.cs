using Microsoft.Extensions.Time.Testing;
using RoezanGhl.RoezanSimulator.Hosting;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.RoezanSimulator.Tests.Support;

/// <summary>Starts simulators the way most tests want them; a test says only what it changes.</summary>
internal static class Simulators
{
    public const string Account = RoezanSimulatorHost.DefaultAccountId;
    public const string Secret = "test-webhook-secret";
    public static readonly string ApiKey = RoezanSimulatorHost.ApiKeyFor(Account);
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Start);

    /// <summary>Account <see cref="Account"/> with its test key, webhooks to <paramref name="webhookUrl"/> signed with <see cref="Secret"/>.</summary>
    public static RoezanSimulatorSettings Settings(Uri? webhookUrl = null) =>
        new RoezanSimulatorSettings { RecordInMemory = true }.WithAccount(Account, ApiKey, webhookUrl?.ToString(), webhookUrl is null ? null : Secret);

    public static Task<RoezanSimulatorHost> StartAsync(
        Uri? webhookUrl = null, TimeProvider? time = null, Func<RoezanSimulatorSettings, RoezanSimulatorSettings>? change = null) =>
        StartAsync((change ?? (settings => settings))(Settings(webhookUrl)), time ?? Clock());

    /// <summary>A simulator with exactly these settings, on the system clock unless <paramref name="time"/> is given.</summary>
    public static Task<RoezanSimulatorHost> StartAsync(RoezanSimulatorSettings settings, TimeProvider? time)
    {
        TestLanes.RequireIntegration("The Roezan simulator");
        return RoezanSimulatorHost.StartAsync(settings, time);
    }

    /// <summary>A guard against a hang, never a timing assertion: waits end when their condition holds.</summary>
    public static CancellationToken Guard() => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;
}
