using System.Net;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.RoezanSimulator.Tests.Support;
using RoezanGhl.RoezanSimulator.Webhooks;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.RoezanSimulator.Tests;

[IntegrationLane]
public sealed class MessageSendTests
{
    [Fact]
    public async Task A_send_to_a_new_number_creates_the_contact_records_a_pending_outbound_message_and_answers_its_id()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = sim.CreateClient();

        var answer = await ApiAnswer.PostAsync(client, "integrations/message/send",
            $$"""{"phone":"{{TestPhones.AnaTyped}}","message":"Your order is ready","firstName":"Ana","email":"ana@example.com","media":["https://example.com/receipt.png"]}""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var sent = Assert.Single(sim.State.MessagesOf(Simulators.Account));
        var contact = Assert.Single(sim.State.ContactsOf(Simulators.Account));
        Assert.Equal(sent.Id, answer.Body!["message"]!["id"]!.GetValue<string>());
        Assert.Equal("Pending", answer.Body["message"]!["status"]!.GetValue<string>());
        Assert.Equal((MessageDirection.Outbound, MessageStatus.Pending, "Your order is ready"), (sent.Direction, sent.Status, sent.Content));
        Assert.Equal(["https://example.com/receipt.png"], sent.Media);
        Assert.Equal((contact.Id, TestPhones.Ana, "Ana", "ana@example.com"), (sent.ContactId, contact.Phone, contact.FirstName, contact.Email));
        Assert.Equal([RoezanWebhookEvents.ContactCreated], sim.Outbox.Events.Select(e => e.Type));
    }

    [Fact]
    public async Task A_send_to_a_known_contact_changes_nothing_else_and_sends_no_contact_event()
    {
        await using var sim = await Simulators.StartAsync();
        sim.Admin.SeedContact(Simulators.Account, new ContactFields { Phone = TestPhones.Ana, FirstName = "Ana" });
        using var client = sim.CreateClient();

        var answer = await ApiAnswer.PostAsync(client, "integrations/message/send", $$"""{"phone":"{{TestPhones.Ana}}","message":"Hello"}""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Single(sim.State.ContactsOf(Simulators.Account));
        Assert.Empty(sim.Outbox.Events);
    }

    [Theory]
    [InlineData("contact_opted_out")]
    [InlineData("contact_invalid")]
    [InlineData("contact_deleted")]
    public async Task A_send_to_a_contact_that_may_not_be_texted_is_refused_with_422_and_a_code_and_records_nothing(string code)
    {
        await using var sim = await Simulators.StartAsync();
        var fields = new ContactFields { Phone = TestPhones.Ana };
        sim.Admin.SeedContact(Simulators.Account, code switch
        {
            "contact_opted_out" => fields with { OptedOutAt = Simulators.Start.AddDays(-1) },
            "contact_invalid" => fields with { Invalid = true },
            _ => fields with { Deleted = true },
        });
        using var client = sim.CreateClient();

        var answer = await ApiAnswer.PostAsync(client, "integrations/message/send", $$"""{"phone":"{{TestPhones.Ana}}","message":"Sale today","firstName":"Changed"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal(code, answer.Body!["code"]!.GetValue<string>());
        Assert.Empty(sim.State.MessagesOf(Simulators.Account));
        Assert.Null(Assert.Single(sim.State.ContactsOf(Simulators.Account)).FirstName);
    }

    [Fact]
    public async Task A_person_who_texted_stop_cannot_be_texted_until_they_text_start()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = sim.CreateClient();
        var body = $$"""{"phone":"{{TestPhones.Ana}}","message":"Hello"}""";

        sim.Admin.OptOut(Simulators.Account, TestPhones.Ana);
        var refused = await ApiAnswer.PostAsync(client, "integrations/message/send", body);
        sim.Admin.OptIn(Simulators.Account, TestPhones.Ana);
        var sent = await ApiAnswer.PostAsync(client, "integrations/message/send", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal(HttpStatusCode.OK, sent.Status);
    }

    [Theory]
    [InlineData("""{"phone":"+12015550123"}""", "message")]
    [InlineData("""{"phone":"+12015550123","message":"  "}""", "message")]
    [InlineData("""{"message":"Hello"}""", "phone")]
    [InlineData("""{"phone":"0","message":"Hello"}""", "phone")]
    [InlineData("""{"phone":"+12015550123","message":"Hello","media":["not a url"]}""", "media")]
    [InlineData("""{"phone":"+12015550123","message":"Hello","media":"https://example.com/a.png"}""", "media")]
    public async Task A_send_with_a_missing_or_bad_field_is_422_naming_it(string body, string field)
    {
        await using var sim = await Simulators.StartAsync();
        using var client = sim.CreateClient();

        var answer = await ApiAnswer.PostAsync(client, "integrations/message/send", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.NotNull(answer.Body!["errors"]![field]);
        Assert.Empty(sim.State.MessagesOf(Simulators.Account));
    }

    [Fact]
    public async Task A_picture_message_needs_no_text()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = sim.CreateClient();

        var answer = await ApiAnswer.PostAsync(client, "integrations/message/send", $$"""{"phone":"{{TestPhones.Ana}}","media":["https://example.com/a.png"]}""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task A_delivery_report_changes_the_status_the_message_list_shows()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = sim.CreateClient();
        var sent = await ApiAnswer.PostAsync(client, "integrations/message/send", $$"""{"phone":"{{TestPhones.Ana}}","message":"Hello"}""");
        var id = sent.Body!["message"]!["id"]!.GetValue<string>();
        var contactId = sent.Body["message"]!["contact_id"]!.GetValue<string>();

        sim.Admin.SetMessageStatus(Simulators.Account, id, MessageStatus.Undelivered);
        var listed = await ApiAnswer.GetAsync(client, $"integrations/contacts/{contactId}/messages?direction=outbound");

        Assert.Equal("Undelivered", listed.Body!["messages"]![0]!["status"]!.GetValue<string>());
        Assert.Throws<KeyNotFoundException>(() => sim.Admin.SetMessageStatus(Simulators.Account, "msg_unknown", MessageStatus.Sent));
    }
}
