using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using static RoezanGhl.Functions.Tests.EndToEnd.RoezanEvents;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>A contact made with <c>POST /contacts/</c> carries its tags in the create body: one call, not a create and a tags POST.</summary>
[IntegrationLane]
public sealed class CreateWithTagsTests
{
    [Fact]
    public async Task A_contact_whose_mapping_leaves_no_phone_or_email_is_created_with_its_tags_in_one_call()
    {
        // The account's mapping sends the phone and email elsewhere, so upsert could match nothing: the contact is created.
        await using var app = await AppTestHost.Create().WithSettings(new Dictionary<string, string?>
        {
            [$"Roezan:Accounts:{AppTestHost.AccountId}:Mapping:StandardFields:phone"] = "companyName",
            [$"Roezan:Accounts:{AppTestHost.AccountId}:Mapping:StandardFields:email"] = "website",
        }).StartAsync();

        await app.PostAllAsync([ContactCreated("evt_1", "c_9", "(201) 555-0170", "ann@example.com", firstName: "Ann", lastName: "Lee", tags: ["lead", "vip"], at: T0)]);
        await app.DrainAsync();

        var contact = Assert.Single(app.Simulator.State.ContactsOf(AppTestHost.LocationId));
        Assert.Equal(["lead", "vip"], contact["tags"]!.AsArray().Select(tag => (string)tag!).Order());
        var call = Assert.Single(app.Simulator.State.Recorded, request => request.Path.StartsWith("/contacts", StringComparison.Ordinal));
        Assert.Equal("POST", call.Method);
        var entry = await app.ReadLedgerAsync("evt_1");
        Assert.Equal(EventLedgerStatus.Applied, entry.Status);
        Assert.Equal(2, entry.Progress.Steps.Count);
    }
}
