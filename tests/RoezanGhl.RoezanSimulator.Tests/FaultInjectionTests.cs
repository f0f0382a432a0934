using System.Globalization;
using System.Net;
using RoezanGhl.RoezanSimulator.Hosting;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.RoezanSimulator.Tests.Support;
using RoezanGhl.RoezanSimulator.Webhooks;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.RoezanSimulator.Tests;

[IntegrationLane]
public sealed class FaultInjectionTests
{
    private static readonly string Lookup = $"integrations/contacts?phone={Uri.EscapeDataString(TestPhones.Ana)}";

    [Fact]
    public async Task A_server_error_ratio_of_one_fails_every_request_with_500_before_anything_is_applied()
    {
        await using var sim = await Simulators.StartAsync(change: s => s with { ServerErrorRatio = 1 });
        using var client = sim.CreateClient();

        var upsert = await ApiAnswer.PostAsync(client, "integrations/contacts", $$"""{"phone":"{{TestPhones.Ana}}"}""");
        var send = await ApiAnswer.PostAsync(client, "integrations/message/send", $$"""{"phone":"{{TestPhones.Ana}}","message":"Hi"}""");

        Assert.Equal((HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError), (upsert.Status, send.Status));
        Assert.NotNull(upsert.Header("ratelimit-remaining"));
        Assert.Empty(sim.State.ContactsOf(Simulators.Account));
        Assert.Empty(sim.State.MessagesOf(Simulators.Account));
        Assert.Empty(sim.Outbox.Events);
    }

    [Fact]
    public async Task A_server_error_burst_answers_503_to_the_next_requests_only_and_is_rearmed_by_new_settings()
    {
        await using var sim = await Simulators.StartAsync(change: s => s with { ServerErrorBurst = 2 });
        using var client = sim.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await ApiAnswer.GetAsync(client, Lookup)).Status);
        }

        sim.Settings = sim.Settings with { ServerErrorBurst = 1 };
        statuses.Add((await ApiAnswer.GetAsync(client, Lookup)).Status);

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.NotFound, HttpStatusCode.ServiceUnavailable], statuses);
    }

    [Theory]
    [InlineData(nameof(RoezanSimulatorSettings.ServerErrorRatio))]
    [InlineData(nameof(RoezanSimulatorSettings.GhostWriteRatio))]
    public async Task The_same_seed_gives_the_same_faults_to_the_same_requests_and_another_seed_other_ones(string ratio)
    {
        var first = await StatusesAsync(ratio, seed: 7);
        var again = await StatusesAsync(ratio, seed: 7);
        var other = await StatusesAsync(ratio, seed: 8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Contains(HttpStatusCode.InternalServerError, first);
        Assert.Contains(HttpStatusCode.Created, first);
    }

    [Fact]
    public async Task Latency_holds_each_request_until_the_simulators_clock_has_moved_on_by_it()
    {
        var clock = Simulators.Clock();
        await using var sim = await Simulators.StartAsync(time: clock, change: s => s with { LatencyMs = 1_500 });
        using var client = sim.CreateClient();

        var answer = ApiAnswer.GetAsync(client, Lookup);
        await sim.State.WaitUntilAsync(state => state.RequestsHeldByLatency == 1, Simulators.Guard());
        clock.Advance(TimeSpan.FromMilliseconds(1_499));
        var heldAfter1499 = sim.State.RequestsHeldByLatency;
        var answeredEarly = answer.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(1, heldAfter1499);
        Assert.False(answeredEarly);
        Assert.Equal(HttpStatusCode.NotFound, (await answer.WaitAsync(Simulators.Guard())).Status);
        Assert.Equal(0, sim.State.RequestsHeldByLatency);
    }

    [Fact]
    public async Task A_ghost_write_applies_the_upsert_and_sends_its_webhook_but_answers_500()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(receiver.Url, change: s => s with { GhostWriteCount = 1 });
        using var client = sim.CreateClient();

        var ghost = await ApiAnswer.PostAsync(client, "integrations/contacts", $$"""{"phone":"{{TestPhones.Ana}}","firstName":"Ana"}""");
        var retry = await ApiAnswer.PostAsync(client, "integrations/contacts", $$"""{"phone":"{{TestPhones.Ana}}","firstName":"Ana"}""");
        await sim.WaitForWebhooksAsync(Simulators.Guard());

        Assert.Equal(HttpStatusCode.InternalServerError, ghost.Status);
        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Equal("Ana", Assert.Single(sim.State.ContactsOf(Simulators.Account)).FirstName);
        Assert.Equal([RoezanWebhookEvents.ContactCreated, RoezanWebhookEvents.ContactUpdated], receiver.Received.Select(hook => hook.Type));
    }

    [Fact]
    public async Task A_gateway_timeout_ghost_write_records_the_sent_message_but_answers_504()
    {
        await using var sim = await Simulators.StartAsync(change: s => s with { GhostWriteCount = 1, GhostWriteMode = GhostWriteMode.GatewayTimeout });
        using var client = sim.CreateClient();

        var answer = await ApiAnswer.PostAsync(client, "integrations/message/send", $$"""{"phone":"{{TestPhones.Ana}}","message":"Hi"}""");

        Assert.Equal(HttpStatusCode.GatewayTimeout, answer.Status);
        Assert.Equal("Hi", Assert.Single(sim.State.MessagesOf(Simulators.Account)).Content);
    }

    [Fact]
    public async Task An_abort_ghost_write_applies_the_upsert_then_drops_the_connection()
    {
        await using var sim = await Simulators.StartAsync(change: s => s with { GhostWriteCount = 1, GhostWriteMode = GhostWriteMode.Abort });
        using var client = sim.CreateClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => ApiAnswer.PostAsync(client, "integrations/contacts", $$"""{"phone":"{{TestPhones.Ana}}"}"""));

        Assert.Single(sim.State.ContactsOf(Simulators.Account));
        Assert.Single(sim.Outbox.Events);
    }

    // 24 upserts of new numbers; a ghost write still creates its contact, a 5xx before the handler does not.
    private static async Task<List<HttpStatusCode>> StatusesAsync(string ratio, int seed)
    {
        await using var sim = await Simulators.StartAsync(
            Simulators.Settings() with
            {
                Seed = seed,
                ServerErrorRatio = ratio == nameof(RoezanSimulatorSettings.ServerErrorRatio) ? 0.5 : 0,
                GhostWriteRatio = ratio == nameof(RoezanSimulatorSettings.GhostWriteRatio) ? 0.5 : 0,
            },
            time: null);
        using var client = sim.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 24; i++)
        {
            var phone = "+120155501" + i.ToString("00", CultureInfo.InvariantCulture);
            statuses.Add((await ApiAnswer.PostAsync(client, "integrations/contacts", $$"""{"phone":"{{phone}}"}""")).Status);
        }

        var created = sim.State.ContactsOf(Simulators.Account).Count;
        Assert.Equal(ratio == nameof(RoezanSimulatorSettings.GhostWriteRatio) ? 24 : statuses.Count(s => s == HttpStatusCode.Created), created);
        return statuses;
    }
}
