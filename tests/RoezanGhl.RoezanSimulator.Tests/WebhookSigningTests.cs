using System.Text.Json.Nodes;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.RoezanSimulator.Tests.Support;
using RoezanGhl.RoezanSimulator.Webhooks;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.RoezanSimulator.Tests;

[IntegrationLane]
public sealed class WebhookSigningTests
{
    private static readonly string[] EnvelopeMembers = ["id", "type", "occurredAt", "accountId"];
    private static readonly string[] MessageMembers = ["id", "from", "body", "receivedAt"];
    private static readonly string[] ContactMembers = ["id", "phone"];

    [Fact]
    public async Task A_contact_created_through_the_api_arrives_in_our_contract_signed_with_the_accounts_secret()
    {
        var clock = Simulators.Clock();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(receiver.Url, clock);
        using var client = sim.CreateClient();

        var answer = await ApiAnswer.PostAsync(client, "integrations/contacts",
            $$"""{"phone":"{{TestPhones.AnaTyped}}","firstName":"Ana","lastName":"Díaz","email":"ana@example.com","tags":["vip"]}""");
        await sim.WaitForWebhooksAsync(Simulators.Guard());

        var hook = Assert.Single(receiver.Received);
        Assert.Equal("application/json; charset=utf-8", hook.ContentType);
        Assert.Equal(Simulators.Start.ToUnixTimeSeconds(), SignatureCheck.Timestamp(hook.Signature!));
        Assert.True(SignatureCheck.IsSignedWith(Simulators.Secret, hook.Signature!, hook.Body));
        Assert.False(SignatureCheck.IsSignedWith("another-secret", hook.Signature!, hook.Body));
        var json = hook.Json;
        var outboxEvent = Assert.Single(sim.Outbox.Events);
        Assert.Equal(outboxEvent.Id, json["id"]!.GetValue<string>());
        Assert.Equal(outboxEvent.Body, hook.Text);
        Assert.Equal(RoezanWebhookEvents.ContactCreated, json["type"]!.GetValue<string>());
        Assert.Equal("2026-03-02T12:00:00.000Z", json["occurredAt"]!.GetValue<string>());
        Assert.Equal(Simulators.Account, json["accountId"]!.GetValue<string>());
        var contact = json["data"]!["contact"]!;
        Assert.Equal(answer.Body!["contact"]!["id"]!.GetValue<string>(), contact["id"]!.GetValue<string>());
        Assert.Equal(TestPhones.Ana, contact["phone"]!.GetValue<string>());
        Assert.Equal(("Ana", "Díaz", "ana@example.com"), (contact["firstName"]!.GetValue<string>(), contact["lastName"]!.GetValue<string>(), contact["email"]!.GetValue<string>()));
        Assert.Equal(["vip"], contact["tags"]!.AsArray().Select(tag => tag!.GetValue<string>()));
        Assert.False(contact["optedOut"]!.GetValue<bool>());
        Assert.Null(contact["optedOutAt"]);
        Assert.Equal(WebhookEventStatus.Delivered, sim.Outbox.Events.Single().Status);
    }

    [Fact]
    public async Task A_change_sends_contact_updated_and_an_unchanged_upsert_does_only_while_the_setting_says_so()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(receiver.Url);
        using var client = sim.CreateClient();
        var body = $$"""{"phone":"{{TestPhones.Ana}}","firstName":"Ana"}""";

        await ApiAnswer.PostAsync(client, "integrations/contacts", body);
        await ApiAnswer.PostAsync(client, "integrations/contacts", $$"""{"phone":"{{TestPhones.Ana}}","firstName":"Anna"}""");
        await ApiAnswer.PostAsync(client, "integrations/contacts", $$"""{"phone":"{{TestPhones.Ana}}","firstName":"Anna"}""");
        sim.Settings = sim.Settings with { WebhookOnUnchangedUpsert = false };
        await ApiAnswer.PostAsync(client, "integrations/contacts", $$"""{"phone":"{{TestPhones.Ana}}","firstName":"Anna"}""");
        await sim.WaitForWebhooksAsync(Simulators.Guard());

        Assert.Equal(
            [RoezanWebhookEvents.ContactCreated, RoezanWebhookEvents.ContactUpdated, RoezanWebhookEvents.ContactUpdated],
            receiver.Received.Select(hook => hook.Type));
        Assert.Equal("Anna", receiver.Received[1].Json["data"]!["contact"]!["firstName"]!.GetValue<string>());
        Assert.All(receiver.Received, hook => Assert.True(SignatureCheck.IsSignedWith(Simulators.Secret, hook.Signature!, hook.Body)));
    }

    [Fact]
    public async Task An_sms_from_a_new_number_sends_contact_created_then_message_received()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(receiver.Url);

        var message = sim.Admin.ReceiveSms(Simulators.Account, TestPhones.AnaTyped, "Call me tomorrow at 3", fromName: "Ana");
        await sim.WaitForWebhooksAsync(Simulators.Guard());

        Assert.Equal([RoezanWebhookEvents.ContactCreated, RoezanWebhookEvents.MessageReceived], receiver.Received.Select(hook => hook.Type));
        var received = receiver.Received[1].Json["data"]!["message"]!;
        Assert.Equal(message.Id, received["id"]!.GetValue<string>());
        Assert.Equal(TestPhones.Ana, received["from"]!.GetValue<string>());
        Assert.Equal("Ana", received["fromName"]!.GetValue<string>());
        Assert.Equal("Call me tomorrow at 3", received["body"]!.GetValue<string>());
        Assert.Equal("2026-03-02T12:00:00.000Z", received["receivedAt"]!.GetValue<string>());
        Assert.Equal(message.ContactId, received["contactId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stop_sends_contact_updated_carrying_the_opt_out_and_a_start_carries_the_opt_in()
    {
        var clock = Simulators.Clock();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(receiver.Url, clock);
        sim.Admin.SeedContact(Simulators.Account, new ContactFields { Phone = TestPhones.Ana, FirstName = "Ana" });

        var optedOut = sim.Admin.OptOut(Simulators.Account, TestPhones.Ana);
        clock.Advance(TimeSpan.FromHours(1));
        var optedIn = sim.Admin.OptIn(Simulators.Account, TestPhones.Ana);
        await sim.WaitForWebhooksAsync(Simulators.Guard());

        Assert.Equal((false, Simulators.Start), (optedOut.OptedIn, optedOut.OptedOutAt));
        Assert.Equal((true, (DateTimeOffset?)null), (optedIn.OptedIn, optedIn.OptedOutAt));
        Assert.Equal(
            [RoezanWebhookEvents.MessageReceived, RoezanWebhookEvents.ContactUpdated, RoezanWebhookEvents.MessageReceived, RoezanWebhookEvents.ContactUpdated],
            receiver.Received.Select(hook => hook.Type));
        var stop = receiver.Received[1].Json["data"]!["contact"]!;
        var start = receiver.Received[3].Json["data"]!["contact"]!;
        Assert.True(stop["optedOut"]!.GetValue<bool>());
        Assert.Equal("2026-03-02T12:00:00.000Z", stop["optedOutAt"]!.GetValue<string>());
        Assert.False(start["optedOut"]!.GetValue<bool>());
        Assert.Null(start["optedOutAt"]);
    }

    [Fact]
    public async Task A_second_stop_changes_nothing_and_sends_only_the_message()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(receiver.Url);

        sim.Admin.OptOut(Simulators.Account, TestPhones.Ana);
        sim.Admin.ReceiveSms(Simulators.Account, TestPhones.Ana, " stop ");
        await sim.WaitForWebhooksAsync(Simulators.Guard());

        Assert.Equal(
            [RoezanWebhookEvents.ContactCreated, RoezanWebhookEvents.MessageReceived, RoezanWebhookEvents.ContactUpdated, RoezanWebhookEvents.MessageReceived],
            receiver.Received.Select(hook => hook.Type));
    }

    [Fact]
    public async Task An_edit_in_roezans_app_sends_contact_updated_only_when_something_changed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(receiver.Url);
        var contact = sim.Admin.SeedContact(Simulators.Account, new ContactFields { Phone = TestPhones.Ana, Tags = ["vip", "lead"] });

        var edited = sim.Admin.EditContact(Simulators.Account, contact.Id, new ContactFields { Phone = TestPhones.Bo, Tags = ["vip"] });
        sim.Admin.EditContact(Simulators.Account, contact.Id, new ContactFields { Tags = ["vip"] });
        await sim.WaitForWebhooksAsync(Simulators.Guard());

        var hook = Assert.Single(receiver.Received);
        Assert.Equal(RoezanWebhookEvents.ContactUpdated, hook.Type);
        Assert.Equal(TestPhones.Bo, hook.Json["data"]!["contact"]!["phone"]!.GetValue<string>());
        Assert.Equal(TestPhones.Bo, edited.Phone);
        Assert.Equal(["vip"], edited.Tags);
        Assert.Null(sim.State.FindContact(Simulators.Account, TestPhones.Ana));
        Assert.Equal(contact.Id, sim.State.FindContact(Simulators.Account, TestPhones.Bo)!.Id);
    }

    [Fact]
    public async Task During_a_secret_rotation_each_secret_signs_its_own_v1_of_the_same_header()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(change: s => s.WithAccount(Simulators.Account, Simulators.ApiKey, receiver.Url.ToString(), "new-secret, old-secret"));

        sim.Admin.ReceiveSms(Simulators.Account, TestPhones.Ana, "Hello");
        await sim.WaitForWebhooksAsync(Simulators.Guard());

        Assert.All(receiver.Received, hook =>
        {
            Assert.Equal(2, SignatureCheck.Signatures(hook.Signature!).Count);
            Assert.True(SignatureCheck.IsSignedWith("new-secret", hook.Signature!, hook.Body));
            Assert.True(SignatureCheck.IsSignedWith("old-secret", hook.Signature!, hook.Body));
        });
    }

    [Fact]
    public async Task Without_a_webhook_url_events_are_kept_with_status_no_target_and_nothing_is_sent()
    {
        await using var sim = await Simulators.StartAsync();

        sim.Admin.ReceiveSms(Simulators.Account, TestPhones.Ana, "Hello");
        await sim.WaitForWebhooksAsync(Simulators.Guard());

        Assert.Equal(2, sim.Outbox.Events.Count);
        Assert.All(sim.Outbox.Events, e => Assert.Equal((WebhookEventStatus.NoTarget, 0), (e.Status, e.Attempts)));
        Assert.Empty(sim.Outbox.Attempts);
    }

    [Fact]
    public async Task Every_event_holds_what_the_contract_requires_of_its_type()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await Simulators.StartAsync(receiver.Url);
        using var client = sim.CreateClient();

        await ApiAnswer.PostAsync(client, "integrations/contacts", $$"""{"phone":"{{TestPhones.Ana}}"}""");
        sim.Admin.ReceiveSms(Simulators.Account, TestPhones.Bo, "STOP");
        await sim.WaitForWebhooksAsync(Simulators.Guard());

        Assert.Equal(4, receiver.Received.Count);
        Assert.All(receiver.Received.Select(hook => hook.Json), json =>
        {
            Assert.All(EnvelopeMembers, name => Assert.False(string.IsNullOrWhiteSpace(json[name]?.GetValue<string>())));
            Assert.True(DateTimeOffset.TryParse(json["occurredAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
            var data = json["data"]!;
            var required = json["type"]!.GetValue<string>() == RoezanWebhookEvents.MessageReceived
                ? (Node: data["message"], Names: MessageMembers)
                : (Node: data["contact"], Names: ContactMembers);
            Assert.All(required.Names, name => Assert.False(string.IsNullOrWhiteSpace(required.Node![name]?.GetValue<string>())));
        });
        Assert.Equal(4, receiver.Received.Select(hook => hook.Json["id"]!.GetValue<string>()).Distinct().Count());
    }
}
