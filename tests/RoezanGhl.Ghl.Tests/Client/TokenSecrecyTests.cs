using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Ghl.Tests.Client;

[IntegrationLane]
public sealed class TokenSecrecyTests
{
    private const string Location = "loc-secret";
    private const string OldToken = "test-secret-token-old-0001";
    private const string NewToken = "test-secret-token-new-0002";

    [Fact]
    public async Task No_token_text_appears_in_any_log_record_or_exception()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(new SimulatorSettings
        {
            RecordInMemory = true,
            Tokens = new() { [OldToken] = Location, [NewToken] = Location },
            ExpiredTokens = [OldToken],
        });
        var contactId = simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = "Ana", ["phone"] = "+12015550123" })["id"]!.GetValue<string>();
        using var logs = new FakeLoggerProvider();
        await using var ghl = GhlTestClient.Create(
            simulator.BaseUrl,
            new FakeGhlTokenProvider().Use(Location, OldToken, NewToken),
            configure: o => o.MaxRetries = 1,
            logging: builder => builder.AddProvider(logs));
        var failures = new List<Exception>();

        await ghl.Client.GetContactAsync(Location, contactId);
        failures.Add(await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.CreateContactAsync(Location, new() { Phone = "+12015550123" })));
        simulator.Settings = simulator.Settings with { ServerErrorBurst = 5 };
        failures.Add(await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.GetContactAsync(Location, contactId)));
        simulator.Settings = simulator.Settings with { ExpiredTokens = [OldToken, NewToken] };
        failures.Add(await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => ghl.Client.GetContactAsync(Location, contactId)));

        var records = logs.Collector.GetSnapshot();
        Assert.Contains(records, r => r.Id.Id == 3005);
        Assert.Contains(records, r => r.Id.Id == 3002);
        Assert.Contains(records, r => r.Id.Id == 3003);
        var everything = records.Select(Render).Concat(failures.Select(f => f.ToString())).ToList();
        foreach (var token in new[] { OldToken, NewToken, "secret-token" })
        {
            Assert.DoesNotContain(everything, text => text.Contains(token, StringComparison.Ordinal));
        }
    }

    private static string Render(FakeLogRecord record) =>
        string.Join(
            " | ",
            record.Category,
            record.Message,
            string.Join(",", record.StructuredState?.Select(pair => $"{pair.Key}={pair.Value}") ?? []),
            record.Exception?.ToString() ?? "");
}
