using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using static RoezanGhl.Functions.Tests.EndToEnd.RoezanEvents;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>The in-process contact link cache forgets a contact the moment GHL says it does not have it.</summary>
[IntegrationLane]
public sealed class ContactLinkCacheTests
{
    [Fact]
    public async Task A_404_from_ghl_on_a_cached_contact_drops_its_cached_links()
    {
        await using var app = await AppTestHost.StartAsync();
        await app.PostAllAsync([ContactCreated("evt_1", "c_1", "(201) 555-0170", "bo@example.com", "Bo", "Lee", at: T0)]);
        await app.DrainAsync();
        var contactId = (string)Assert.Single(app.Simulator.State.ContactsOf(AppTestHost.LocationId))["id"]!;
        Assert.True(app.Links.Cache.Count > 0, "the links written for the new contact are cached");
        app.Simulator.State.DeleteContact(AppTestHost.LocationId, contactId);

        await app.PostAllAsync([ContactUpdated("evt_2", "c_1", "(201) 555-0170", lastName: "Lee-Ortega", at: T0.AddMinutes(1))]);
        await app.DrainAsync();

        Assert.Equal(EventLedgerStatus.Failed, (await app.ReadLedgerAsync("evt_2")).Status);
        Assert.Equal(0, app.Links.Cache.Count);
    }
}
