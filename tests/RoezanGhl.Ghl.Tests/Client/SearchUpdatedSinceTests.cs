using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Ghl.Models;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Ghl.Tests.Client;

/// <summary><c>POST /contacts/search</c> filtered and sorted by <c>dateUpdated</c>, paged by <c>searchAfter</c>.</summary>
[IntegrationLane]
public sealed class SearchUpdatedSinceTests
{
    private const string Location = "loc-search";

    [Fact]
    public async Task Only_contacts_changed_since_the_date_come_back_oldest_change_first_and_the_cursor_pages_through_them()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location], timeProvider: time);
        var ids = Enumerable.Range(0, 5).Select(i => simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = $"P{i}" })["id"]!.GetValue<string>()).ToList();
        time.Advance(TimeSpan.FromHours(1));
        var since = time.GetUtcNow();
        foreach (var i in new[] { 3, 1, 4 })
        {
            time.Advance(TimeSpan.FromSeconds(1));
            simulator.State.UserEditsContact(Location, ids[i], new JsonObject { ["lastName"] = "Changed" });
        }

        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);
        var first = await ghl.Client.SearchContactsUpdatedSinceAsync(Location, new GhlContactSearchQuery { UpdatedSince = since, PageLimit = 2 });
        var second = await ghl.Client.SearchContactsUpdatedSinceAsync(Location, new GhlContactSearchQuery { UpdatedSince = since, PageLimit = 2, SearchAfter = first.NextSearchAfter });

        Assert.Equal([ids[3], ids[1]], first.Contacts.Select(c => c.Id));
        Assert.Equal(3, first.Total);
        Assert.NotNull(first.NextSearchAfter);
        Assert.Equal([ids[4]], second.Contacts.Select(c => c.Id));
        Assert.Null(second.NextSearchAfter);
        var body = JsonNode.Parse(simulator.State.Recorded.First(r => r.Method == "POST" && r.Path == "/contacts/search").Body!)!;
        Assert.Equal(Location, body["locationId"]!.GetValue<string>());
        Assert.Equal("dateUpdated", body["filters"]![0]!["field"]!.GetValue<string>());
        Assert.Equal("range", body["filters"]![0]!["operator"]!.GetValue<string>());
        Assert.Equal("2026-12-01T10:00:00.000Z", body["filters"]![0]!["value"]!["gte"]!.GetValue<string>());
        Assert.Equal("asc", body["sort"]![0]!["direction"]!.GetValue<string>());
        Assert.Null(body["searchAfter"]);
    }
}
