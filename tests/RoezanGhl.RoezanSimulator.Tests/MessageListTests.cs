using System.Net;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.RoezanSimulator.Tests.Support;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.RoezanSimulator.Tests;

[IntegrationLane]
public sealed class MessageListTests
{
    [Fact]
    public async Task A_contacts_messages_are_listed_newest_first_filtered_by_direction_and_cut_at_the_limit()
    {
        var clock = Simulators.Clock();
        await using var sim = await Simulators.StartAsync(time: clock);
        using var client = sim.CreateClient();
        var first = sim.Admin.ReceiveSms(Simulators.Account, TestPhones.Ana, "Hi, is the store open?");
        clock.Advance(TimeSpan.FromMinutes(1));
        await ApiAnswer.PostAsync(client, "integrations/message/send", $$"""{"phone":"{{TestPhones.Ana}}","message":"Yes, until 6 pm."}""");
        clock.Advance(TimeSpan.FromMinutes(1));
        var third = sim.Admin.ReceiveSms(Simulators.Account, TestPhones.Ana, "Thanks!");
        sim.Admin.ReceiveSms(Simulators.Account, TestPhones.Bo, "Someone else");

        var all = await ApiAnswer.GetAsync(client, $"integrations/contacts/{first.ContactId}/messages");
        var inbound = await ApiAnswer.GetAsync(client, $"integrations/contacts/{first.ContactId}/messages?direction=inbound&limit=100");
        var latest = await ApiAnswer.GetAsync(client, $"integrations/contacts/{first.ContactId}/messages?direction=INBOUND&limit=1");

        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Equal(["Thanks!", "Yes, until 6 pm.", "Hi, is the store open?"], all.Body!["messages"]!.AsArray().Select(m => m!["content"]!.GetValue<string>()));
        Assert.Equal([third.Id, first.Id], inbound.Body!["messages"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));
        var only = Assert.Single(latest.Body!["messages"]!.AsArray())!;
        Assert.Equal(third.Id, only["id"]!.GetValue<string>());
        Assert.Equal("2026-03-02T12:02:00.000Z", only["created_at"]!.GetValue<string>());
        Assert.Equal("inbound", only["direction"]!.GetValue<string>());
        Assert.Equal("Delivered", only["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Listing_the_messages_of_an_unknown_contact_is_404()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = sim.CreateClient();

        var answer = await ApiAnswer.GetAsync(client, "integrations/contacts/ct_unknown/messages?direction=inbound");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Theory]
    [InlineData("direction=sideways", "direction")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    public async Task A_bad_direction_or_limit_is_422_naming_it(string query, string field)
    {
        await using var sim = await Simulators.StartAsync();
        var contact = sim.Admin.SeedContact(Simulators.Account, new ContactFields { Phone = TestPhones.Ana });
        using var client = sim.CreateClient();

        var answer = await ApiAnswer.GetAsync(client, $"integrations/contacts/{contact.Id}/messages?{query}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.NotNull(answer.Body!["errors"]![field]);
    }
}
