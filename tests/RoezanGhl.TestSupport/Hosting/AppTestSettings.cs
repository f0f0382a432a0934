using System.Globalization;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.GhlSimulator.Webhooks;
using RoezanGhl.TestSupport.Ghl;

namespace RoezanGhl.TestSupport.Hosting;

/// <summary>
/// The settings <see cref="AppTestHost"/> gives the app, in the order they win: <c>local.settings.sample.json</c>
/// (without its sample accounts and secrets), then storage of the test's own on Azurite (a table prefix, events
/// queue and lease container no other test uses), the simulator's address, a Roezan API nobody listens on, the test run's GHL webhook key, short
/// retry delays and waits, the test's accounts (and secrets, when the app's secret store reads them from
/// settings), and last whatever the test set.
/// </summary>
internal static class AppTestSettings
{
    // Nothing listens on port 9 (discard): a test reaches Roezan only when it points the app at a fake.
    private const string NoRoezanApi = "http://127.0.0.1:9/api";

    /// <summary>Short delays so that retries, requeues and waits take a second, not minutes.</summary>
    private static readonly Dictionary<string, string?> QuickTimings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Ghl:RetryBaseDelay"] = "00:00:00.010",
        ["Ghl:CircuitBreakerMinimumThroughput"] = "100000",
        ["Roezan:Api:RetryBaseDelay"] = "00:00:00.010",
        ["Roezan:Api:MaxRetries"] = "1",
        ["Sync:Processing:LeaseWaitDelay"] = "00:00:01",
        ["Sync:Processing:ContactWaitDelay"] = "00:00:01",
        ["Sync:Processing:RateLimitDelay"] = "00:00:01",
        ["Sync:Processing:LocationAttentionDelay"] = "00:00:02",
        ["Sync:Processing:RequeueJitter"] = "00:00:00",
        // Pacing at the door holds a burst's later events off the queue in Azurite's real time, on turns counted on the
        // test's clock; tests of pacing turn it on (DoorPacingTests), the load harness runs with the app's own timings.
        ["Sync:Admission:PaceAtDoor"] = "false",
    };

    public static Dictionary<string, string?> Build(AppTestHostBuilder builder, IReadOnlyList<TestAccount> accounts, GhlSimulatorHost? simulator)
    {
        var values = LocalSettingsSample.Values()
            .Where(setting => !IsSection(setting.Key, "Roezan:Accounts") && !IsSection(setting.Key, "Secrets"))
            .ToDictionary(StringComparer.OrdinalIgnoreCase);
        values["AzureWebJobsStorage"] = Azurite.ConnectionString;
        values["Sync:EventsQueue"] = Azurite.UniqueName("events");
        values["Sync:TablePrefix"] = "T" + Azurite.UniqueName("t")[..12];
        values["GhlOAuth:LeaseContainer"] = Azurite.UniqueName("lease");
        values["Roezan:Api:BaseUrl"] = NoRoezanApi;
        values["GhlWebhook:PublicKeys:0"] = GhlWebhookSigningKey.Shared.PublicKeyPem;
        if (simulator is not null)
        {
            values["Ghl:BaseUrl"] = simulator.BaseUrl.ToString();
        }

        if (builder.QuickTimings)
        {
            Set(values, QuickTimings);
        }

        foreach (var account in accounts)
        {
            var section = string.Create(CultureInfo.InvariantCulture, $"Roezan:Accounts:{account.AccountId}");
            values[$"{section}:GhlLocationId"] = account.LocationId;
            values[$"{section}:DefaultPhoneRegion"] = "US";
            values[$"{section}:TimeZone"] = "America/New_York";
        }

        if (!builder.InMemorySecrets)
        {
            Set(values, Secrets(builder, accounts).Select(secret => KeyValuePair.Create("Secrets:" + secret.Key, (string?)secret.Value)));
        }

        Set(values, builder.Settings);
        return values;
    }

    /// <summary>
    /// Every secret the app needs: the accounts' webhook secrets, the locations' private-integration tokens (with the
    /// app's token provider and a GHL simulator to accept them; without one a location has a token only once the test
    /// installs or stores one), and the test's own.
    /// </summary>
    public static Dictionary<string, string> Secrets(AppTestHostBuilder builder, IReadOnlyList<TestAccount> accounts)
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var account in accounts.Where(account => account.WebhookSecret is not null))
        {
            secrets[SecretNames.RoezanWebhookSecret(account.AccountId)] = account.WebhookSecret!;
        }

        if (!builder.FakeTokens && (builder.StartsSimulator || builder.SharedSimulator is not null))
        {
            foreach (var location in Locations(builder, accounts))
            {
                secrets[SecretNames.GhlToken(location)] = GhlSimulatorHost.TokenFor(location);
            }
        }

        foreach (var (name, value) in builder.Secrets)
        {
            secrets[name] = value;
        }

        return secrets;
    }

    /// <summary>The GHL locations the app talks to: the accounts' and any other the test named.</summary>
    public static IReadOnlyList<string> Locations(AppTestHostBuilder builder, IReadOnlyList<TestAccount> accounts) =>
        [.. accounts.Select(account => account.LocationId).Concat(builder.ExtraLocations).Distinct(StringComparer.Ordinal)];

    private static bool IsSection(string key, string section) =>
        key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase);

    // A null value removes the setting, so that a test can take one of the defaults away.
    private static void Set(Dictionary<string, string?> values, IEnumerable<KeyValuePair<string, string?>> changes)
    {
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                values.Remove(key);
            }
            else
            {
                values[key] = value;
            }
        }
    }
}
