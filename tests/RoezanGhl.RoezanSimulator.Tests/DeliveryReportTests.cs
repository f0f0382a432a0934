using System.Net;
using System.Text.Json.Nodes;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.RoezanSimulator.Tests.Support;
using RoezanGhl.RoezanSimulator.Webhooks;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.RoezanSimulator.Tests;

/// <summary>The carrier's delivery reports of the simulator's sends, as <c>message.status</c> webhooks.</summary>
[IntegrationLane]
public sealed class DeliveryReportTests
{
    [Fact]
    public async Task With_reports_on_a_send_is_followed_by_sent_at_once_and_the_final_status_after_the_delay()
    {
        await using var sim = await Simulators.StartAsync();
        sim.Admin.SeedContact(Simulators.Account, new ContactFields { Phone = TestPhones.Ana });
        sim.Settings = sim.Settings with { DeliveryReports = DeliveryReportMode.Undelivered, DeliveryReportDelayMs = 5_000 };
        using var client = sim.CreateClient();

        var answer = await ApiAnswer.PostAsync(client, "integrations/message/send", $$"""{"phone":"{{TestPhones.Ana}}","message":"Hello"}""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var sent = Assert.Single(sim.State.MessagesOf(Simulators.Account));
        Assert.Equal(MessageStatus.Undelivered, sent.Status);
        var events = sim.Outbox.Events;
        Assert.Equal([RoezanWebhookEvents.MessageStatus, RoezanWebhookEvents.MessageStatus], events.Select(e => e.Type));
        var (first, last) = (JsonNode.Parse(events[0].Body)!["data"]!["message"]!, JsonNode.Parse(events[1].Body)!["data"]!["message"]!);
        Assert.Equal((sent.Id, "Sent"), ((string?)first["id"], (string?)first["status"]));
        Assert.Equal((sent.Id, "Undelivered", RoezanWebhookEvents.UndeliveredCode), ((string?)last["id"], (string?)last["status"], (string?)last["errorCode"]));
        Assert.Null(events[0].NextAttemptAt);
        Assert.Equal(events[1].CreatedAt.AddSeconds(5), events[1].NextAttemptAt);
    }

    [Fact]
    public async Task With_reports_off_a_send_sends_no_status_webhook()
    {
        await using var sim = await Simulators.StartAsync();
        sim.Admin.SeedContact(Simulators.Account, new ContactFields { Phone = TestPhones.Ana });
        using var client = sim.CreateClient();

        await ApiAnswer.PostAsync(client, "integrations/message/send", $$"""{"phone":"{{TestPhones.Ana}}","message":"Hello"}""");

        Assert.Empty(sim.Outbox.Events);
        Assert.Equal(MessageStatus.Pending, Assert.Single(sim.State.MessagesOf(Simulators.Account)).Status);
    }

    [Fact]
    public void A_negative_report_delay_is_refused_with_a_sentence()
    {
        var problems = new RoezanSimulatorSettings { DeliveryReportDelayMs = -1 }.Problems();

        Assert.Contains(problems, problem => problem.Contains("DeliveryReportDelayMs", StringComparison.Ordinal));
    }
}
