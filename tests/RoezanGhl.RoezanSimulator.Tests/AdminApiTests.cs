using System.Net;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.RoezanSimulator.Tests.Support;
using RoezanGhl.RoezanSimulator.Webhooks;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.RoezanSimulator.Tests;

[IntegrationLane]
public sealed class AdminApiTests
{
    [Fact]
    public async Task Settings_are_read_patched_by_member_and_replaced_whole()
    {
        await using var sim = await Simulators.StartAsync();
        using var admin = new HttpClient { BaseAddress = sim.BaseUrl };

        var read = await ApiAnswer.GetAsync(admin, "_sim/settings");
        var patched = await ApiAnswer.SendAsync(admin, HttpMethod.Patch, "_sim/settings", """{"serverErrorRatio":0.25,"ghostWriteMode":"Abort","LatencyMs":5}""");
        var afterPatch = sim.Settings;
        var replaced = await ApiAnswer.SendAsync(admin, HttpMethod.Put, "_sim/settings", """{"accounts":{"globex":{"apiKeys":["test-roezan-key-globex"]}},"rateLimitLimit":3}""");

        Assert.Equal(120, read.Body!["rateLimitLimit"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal((0.25, GhostWriteMode.Abort, 5, 120), (afterPatch.ServerErrorRatio, afterPatch.GhostWriteMode, afterPatch.LatencyMs, afterPatch.RateLimitLimit));
        Assert.Contains(Simulators.Account, afterPatch.Accounts.Keys);
        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal((0.0, 3, 0), (sim.Settings.ServerErrorRatio, sim.Settings.RateLimitLimit, sim.Settings.LatencyMs));
        Assert.Equal(["globex"], sim.Settings.Accounts.Keys);
    }

    [Theory]
    [InlineData("""{"serverErrorRatio":2}""", "ServerErrorRatio must be between 0 and 1.")]
    [InlineData("""{"serverErrorRate":0.1}""", "serverErrorRate")]
    [InlineData("""{"ghostWriteMode":"Sometimes"}""", "The settings cannot be read")]
    [InlineData("""{"defaultRegion":"XX"}""", "DefaultRegion 'XX'")]
    [InlineData("""{"accounts":{"a":{"apiKeys":["k"]},"b":{"apiKeys":["k"]}}}""", "share an API key")]
    [InlineData("""{"accounts":{"a":{"apiKeys":["k"],"webhookUrl":"http://127.0.0.1:9/hooks"}}}""", "needs a WebhookSecret")]
    [InlineData("""{"accounts":{"a":{"apiKeys":["k"],"webhookUrl":"ftp://example.com","webhookSecret":"s"}}}""", "absolute http or https URL")]
    [InlineData("[1]", "JSON object")]
    public async Task Bad_settings_are_refused_with_400_saying_why_and_the_old_ones_stay(string body, string expected)
    {
        await using var sim = await Simulators.StartAsync();
        using var admin = new HttpClient { BaseAddress = sim.BaseUrl };
        var before = sim.Settings;

        var answer = await ApiAnswer.SendAsync(admin, HttpMethod.Patch, "_sim/settings", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(expected, answer.Body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Same(before, sim.Settings);
    }

    [Fact]
    public async Task People_and_roezan_users_are_simulated_over_http_and_show_in_the_state()
    {
        await using var sim = await Simulators.StartAsync();
        using var admin = new HttpClient { BaseAddress = sim.BaseUrl };
        var root = $"_sim/accounts/{Simulators.Account}";

        var seeded = await ApiAnswer.PostAsync(admin, $"{root}/contacts", $$"""{"phone":"{{TestPhones.AnaTyped}}","firstName":"Ana","tags":["vip"],"invalid":false}""");
        var contactId = seeded.Body!["id"]!.GetValue<string>();
        var edited = await ApiAnswer.SendAsync(admin, HttpMethod.Patch, $"{root}/contacts/{contactId}", """{"lastName":"Diaz"}""");
        var inbound = await ApiAnswer.PostAsync(admin, $"{root}/inbound", $$"""{"from":"{{TestPhones.Bo}}","text":"Hi there","fromName":"Bo"}""");
        var status = await ApiAnswer.PostAsync(admin, $"{root}/messages/{inbound.Body!["id"]!.GetValue<string>()}/status", """{"status":"undelivered"}""");
        var optOut = await ApiAnswer.PostAsync(admin, $"{root}/opt-out", $$"""{"phone":"{{TestPhones.Ana}}"}""");
        var optIn = await ApiAnswer.PostAsync(admin, $"{root}/opt-in", $$"""{"phone":"{{TestPhones.Ana}}"}""");
        var state = await ApiAnswer.GetAsync(admin, "_sim/state");
        var contacts = await ApiAnswer.GetAsync(admin, $"{root}/contacts");
        var messages = await ApiAnswer.GetAsync(admin, $"{root}/messages");
        var hooks = await ApiAnswer.GetAsync(admin, "_sim/webhooks");

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK],
            new[] { seeded, edited, inbound, status, optOut, optIn }.Select(answer => answer.Status));
        Assert.Equal(TestPhones.Ana, seeded.Body["phone"]!.GetValue<string>());
        Assert.Equal("Diaz", edited.Body!["lastName"]!.GetValue<string>());
        Assert.Equal("Undelivered", status.Body!["status"]!.GetValue<string>());
        Assert.False(optOut.Body!["optedIn"]!.GetValue<bool>());
        Assert.True(optIn.Body!["optedIn"]!.GetValue<bool>());
        Assert.Equal(2, state.Body!["accounts"]![Simulators.Account]!["contacts"]!.AsArray().Count);
        Assert.Equal(2, contacts.Body!.AsArray().Count);
        Assert.Equal(3, messages.Body!.AsArray().Count);
        Assert.Equal(7, hooks.Body!["events"]!.AsArray().Count);
        Assert.Equal("NoTarget", hooks.Body["events"]![0]!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("_sim/accounts/nobody/inbound", """{"from":"+12015550123","text":"Hi"}""", HttpStatusCode.NotFound)]
    [InlineData("_sim/accounts/acme/inbound", """{"from":"not a phone","text":"Hi"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("_sim/accounts/acme/inbound", """{"from":"+12015550123"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("_sim/accounts/acme/contacts", """{"firstName":"Ana"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("_sim/accounts/acme/contacts", """{"phone":"+12015550123","optedOutAt":"yesterday"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("_sim/accounts/acme/messages/msg_unknown/status", """{"status":"Delivered"}""", HttpStatusCode.NotFound)]
    [InlineData("_sim/accounts/acme/messages/msg_unknown/status", """{"status":"Lost"}""", HttpStatusCode.UnprocessableEntity)]
    public async Task Admin_calls_with_bad_input_say_what_is_wrong(string path, string body, HttpStatusCode expected)
    {
        await using var sim = await Simulators.StartAsync();
        using var admin = new HttpClient { BaseAddress = sim.BaseUrl };

        var answer = await ApiAnswer.PostAsync(admin, path, body);

        Assert.Equal(expected, answer.Status);
        Assert.False(string.IsNullOrWhiteSpace(answer.Body!["message"]!.GetValue<string>()));
        Assert.Empty(sim.Outbox.Events);
    }

    [Fact]
    public async Task Editing_a_contact_to_a_phone_another_contact_has_is_refused()
    {
        await using var sim = await Simulators.StartAsync();
        var ana = sim.Admin.SeedContact(Simulators.Account, new ContactFields { Phone = TestPhones.Ana });
        sim.Admin.SeedContact(Simulators.Account, new ContactFields { Phone = TestPhones.Bo });

        Assert.Throws<ArgumentException>(() => sim.Admin.EditContact(Simulators.Account, ana.Id, new ContactFields { Phone = TestPhones.Bo }));
        Assert.Throws<KeyNotFoundException>(() => sim.Admin.EditContact(Simulators.Account, "ct_unknown", new ContactFields { FirstName = "X" }));
        Assert.Equal(2, sim.State.ContactsOf(Simulators.Account).Count);
    }

    [Fact]
    public async Task Reset_forgets_data_counters_recordings_and_events_but_keeps_the_settings()
    {
        await using var sim = await Simulators.StartAsync(change: s => s with { LatencyMs = 0, RateLimitLimit = 7 });
        using var client = sim.CreateClient();
        using var admin = new HttpClient { BaseAddress = sim.BaseUrl };
        await ApiAnswer.PostAsync(client, "integrations/contacts", $$"""{"phone":"{{TestPhones.Ana}}"}""");

        var reset = await ApiAnswer.PostAsync(admin, "_sim/reset", "{}");
        var counters = await ApiAnswer.GetAsync(admin, "_sim/counters");
        var lookup = await ApiAnswer.GetAsync(client, $"integrations/contacts?phone={Uri.EscapeDataString(TestPhones.Ana)}");

        Assert.Equal(HttpStatusCode.NoContent, reset.Status);
        Assert.Equal(0, counters.Body!["total"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.NotFound, lookup.Status);
        Assert.Equal("6", lookup.Header("ratelimit-remaining"));
        Assert.Empty(sim.Outbox.Events);
        Assert.Single(sim.State.Recorded);
        Assert.Equal(7, sim.Settings.RateLimitLimit);
    }

    [Fact]
    public async Task The_drain_call_answers_200_once_webhooks_are_delivered_and_504_while_one_waits_for_a_retry()
    {
        var clock = Simulators.Clock();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer(500);
        await using var sim = await Simulators.StartAsync(receiver.Url, clock);
        using var admin = new HttpClient { BaseAddress = sim.BaseUrl };
        var contact = sim.Admin.SeedContact(Simulators.Account, new ContactFields { Phone = TestPhones.Ana });
        sim.Admin.EditContact(Simulators.Account, contact.Id, new ContactFields { FirstName = "Ana" });
        await sim.Outbox.WaitUntilAsync(outbox => outbox.Attempts.Count == 1, Simulators.Guard());

        var waiting = await ApiAnswer.PostAsync(admin, "_sim/webhooks/drain?timeoutMs=50", "{}");
        clock.Advance(TimeSpan.FromSeconds(1));
        var drained = await ApiAnswer.PostAsync(admin, "_sim/webhooks/drain?timeoutMs=15000", "{}");

        Assert.Equal((HttpStatusCode.GatewayTimeout, 1), (waiting.Status, waiting.Body!["pending"]!.GetValue<int>()));
        Assert.Equal((HttpStatusCode.OK, 0), (drained.Status, drained.Body!["pending"]!.GetValue<int>()));
        Assert.Equal(WebhookEventStatus.Delivered, Assert.Single(sim.Outbox.Events).Status);
    }
}
