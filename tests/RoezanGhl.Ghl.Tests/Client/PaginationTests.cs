using System.Text.Json.Nodes;
using RoezanGhl.Ghl.Models;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Ghl.Tests.Client;

[IntegrationLane]
public sealed class PaginationTests
{
    private const string Location = "loc-pages";

    [Fact]
    public async Task Listing_follows_the_cursor_across_pages_and_returns_every_contact_once()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        for (var i = 0; i < 250; i++)
        {
            simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = $"Person {i}" });
        }

        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);
        var listed = new List<GhlContact>();
        await foreach (var contact in ghl.Client.ListContactsAsync(Location))
        {
            listed.Add(contact);
        }

        var expected = simulator.State.ContactsOf(Location).Select(c => c["id"]!.GetValue<string>()).ToList();
        Assert.Equal(expected, listed.Select(c => c.Id));
        var pageRequests = simulator.State.Recorded.Where(r => r.Method == "GET" && r.Path == "/contacts/").ToList();
        Assert.Equal(3, pageRequests.Count);
        Assert.All(pageRequests, r => Assert.Equal("100", r.Query["limit"]));
        Assert.False(pageRequests[0].Query.ContainsKey("startAfterId"));
        Assert.Equal(listed[99].Id, pageRequests[1].Query["startAfterId"]);
        Assert.Equal(listed[199].Id, pageRequests[2].Query["startAfterId"]);
    }

    [Fact]
    public async Task A_page_returns_the_cursor_that_resumes_after_its_last_contact()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        for (var i = 0; i < 5; i++)
        {
            simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = $"Person {i}" });
        }

        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);
        var first = await ghl.Client.GetContactsPageAsync(Location, new GhlContactListQuery { Limit = 3 });
        var second = await ghl.Client.GetContactsPageAsync(Location, first.NextCursor);

        Assert.Equal(3, first.Contacts.Count);
        Assert.Equal(5, first.Total);
        Assert.Equal(first.Contacts[^1].Id, first.NextCursor!.StartAfterId);
        Assert.Equal(2, second.Contacts.Count);
        Assert.Null(second.NextCursor);
        Assert.Empty(first.Contacts.Select(c => c.Id).Intersect(second.Contacts.Select(c => c.Id)));
    }

    [Fact]
    public async Task Listing_with_a_query_returns_only_matching_contacts()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = "Ana" });
        simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = "Bob" });
        simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = "Anabel" });
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);

        var names = new List<string?>();
        await foreach (var contact in ghl.Client.ListContactsAsync(Location, new GhlContactListQuery { Query = "ana", Limit = 1 }))
        {
            names.Add(contact.FirstName);
        }

        Assert.Equal(2, names.Count);
        Assert.Equal(["Ana", "Anabel"], names.Order(StringComparer.Ordinal));
        Assert.Equal(3, simulator.State.Recorded.Count);
    }

    [Fact]
    public async Task Business_contacts_are_listed_page_by_page_with_skip_and_limit()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        for (var i = 0; i < 230; i++)
        {
            simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = $"Staff {i}", ["businessId"] = i % 2 == 0 ? "biz-1" : "biz-2" });
        }

        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);
        var listed = new List<GhlContact>();
        await foreach (var contact in ghl.Client.ListBusinessContactsAsync(Location, "biz-1"))
        {
            listed.Add(contact);
        }

        Assert.Equal(115, listed.Count);
        Assert.Equal(115, listed.Select(c => c.Id).Distinct().Count());
        Assert.All(listed, c => Assert.Equal("biz-1", c.BusinessId));
        var skips = simulator.State.Recorded.Where(r => r.Path == "/contacts/business/biz-1").Select(r => r.Query["skip"]).ToList();
        Assert.Equal(["0", "100"], skips);
    }
}
