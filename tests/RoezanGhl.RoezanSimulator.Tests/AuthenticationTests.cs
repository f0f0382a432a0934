using System.Net;
using RoezanGhl.RoezanSimulator.Hosting;
using RoezanGhl.RoezanSimulator.Tests.Support;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.RoezanSimulator.Tests;

[IntegrationLane]
public sealed class AuthenticationTests
{
    [Fact]
    public async Task A_request_without_a_key_or_with_an_unknown_key_is_refused_with_401_and_still_has_rate_limit_headers()
    {
        await using var sim = await Simulators.StartAsync();
        using var noKey = new HttpClient { BaseAddress = sim.ApiBaseUrl };
        using var wrongKey = sim.CreateClient("test-roezan-key-wrong");
        using var rightKey = sim.CreateClient();

        var missing = await ApiAnswer.GetAsync(noKey, $"integrations/contacts?phone={Uri.EscapeDataString(TestPhones.Ana)}");
        var wrong = await ApiAnswer.GetAsync(wrongKey, $"integrations/contacts?phone={Uri.EscapeDataString(TestPhones.Ana)}");
        var right = await ApiAnswer.GetAsync(rightKey, $"integrations/contacts?phone={Uri.EscapeDataString(TestPhones.Ana)}");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal("Invalid or missing API key.", missing.Body!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(HttpStatusCode.NotFound, right.Status);
        Assert.Equal("120", missing.Header("ratelimit-limit"));
        Assert.Equal("120", right.Header("ratelimit-limit"));
        Assert.Equal(1, sim.State.Counters.Snapshot().ByAccount[Simulators.Account]);
    }

    [Fact]
    public async Task Each_key_reaches_only_its_own_accounts_contacts()
    {
        await using var sim = await Simulators.StartAsync(change: settings => settings.WithAccount("globex", "test-roezan-key-globex"));
        using var acme = sim.CreateClient(Simulators.ApiKey);
        using var globex = sim.CreateClient("test-roezan-key-globex");

        var created = await ApiAnswer.PostAsync(acme, "integrations/contacts", $$"""{"phone":"{{TestPhones.Ana}}"}""");
        var fromGlobex = await ApiAnswer.GetAsync(globex, $"integrations/contacts?phone={Uri.EscapeDataString(TestPhones.Ana)}");
        var fromAcme = await ApiAnswer.GetAsync(acme, $"integrations/contacts?phone={Uri.EscapeDataString(TestPhones.Ana)}");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(HttpStatusCode.NotFound, fromGlobex.Status);
        Assert.Equal(HttpStatusCode.OK, fromAcme.Status);
        Assert.Single(sim.State.ContactsOf(Simulators.Account));
        Assert.Empty(sim.State.ContactsOf("globex"));
    }

    [Fact]
    public async Task Recorded_requests_keep_method_path_query_and_body_but_never_the_key()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = sim.CreateClient();

        await ApiAnswer.PostAsync(client, "integrations/contacts", $$"""{"phone":"{{TestPhones.Ana}}","firstName":"Ana"}""");
        await ApiAnswer.GetAsync(client, "integrations/contacts?email=ana%40example.com");

        var recorded = sim.State.Recorded;
        Assert.Equal(2, recorded.Count);
        Assert.Equal(("POST", "/api/integrations/contacts"), (recorded[0].Method, recorded[0].Path));
        Assert.Contains("\"firstName\":\"Ana\"", recorded[0].Body, StringComparison.Ordinal);
        Assert.Equal("ana@example.com", recorded[1].Query["email"]);
        Assert.All(recorded, request => Assert.Equal("<redacted>", request.Headers[SimulatorGate.ApiKeyHeader]));
        Assert.DoesNotContain(recorded, request => request.Headers.Values.Any(value => value.Contains(Simulators.ApiKey, StringComparison.Ordinal)));
    }
}
