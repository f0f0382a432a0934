using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using static RoezanGhl.Functions.Tests.EndToEnd.RoezanEvents;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>
/// What one event costs in storage requests on the Roezan → GHL path, for the requests that were cut (docs/performance.md,
/// "Storage requests per event"): each test fails if a removed request comes back.
/// </summary>
[IntegrationLane]
[Collection(nameof(RunsAlone))]
public sealed class StorageRequestsPerEventTests
{
    [Fact]
    public async Task A_contact_update_of_a_linked_contact_reads_its_state_row_once_and_gives_its_lease_back_with_one_delete()
    {
        await using var app = await StartWithLinkedContactAsync("(201) 555-0171");
        using var requests = new StorageRequestListener(app.Names.LinksTable);

        await app.PostAllAsync([ContactUpdated("evt_2", "c_1", "(201) 555-0171", lastName: "Ruiz-Vega", at: T0.AddMinutes(1))]);
        await app.DrainAsync();

        Assert.Equal(EventLedgerStatus.Applied, (await app.ReadLedgerAsync("evt_2")).Status);
        var contact = Assert.Single(app.Simulator.State.ContactsOf(AppTestHost.LocationId));
        Assert.Equal("Ruiz-Vega", (string?)contact["lastName"]);
        Assert.Equal(1, Count(requests, "GET", "gc|"));
        Assert.Equal(0, Count(requests, "GET", "lease|"));
        Assert.Equal(1, Count(requests, "DELETE", "lease|"));
    }

    [Fact]
    public async Task A_note_on_a_linked_contact_reads_its_state_row_once_and_takes_no_lease()
    {
        await using var app = await StartWithLinkedContactAsync("(201) 555-0172");
        using var requests = new StorageRequestListener(app.Names.LinksTable);

        await app.PostAllAsync([Note("evt_2", "c_1", "Prefers a call after 5 pm.", at: T0.AddMinutes(1))]);
        await app.DrainAsync();

        Assert.Equal(EventLedgerStatus.Applied, (await app.ReadLedgerAsync("evt_2")).Status);
        Assert.Equal(1, Count(requests, "GET", "gc|"));
        Assert.DoesNotContain(requests.Requests, request => request.Contains("'lease|", StringComparison.Ordinal));
    }

    // The app with Roezan contact c_1 synced to GHL and linked (evt_1), its queue drained.
    private static async Task<AppTestHost> StartWithLinkedContactAsync(string phone)
    {
        var app = await AppTestHost.StartAsync();
        try
        {
            await app.PostAllAsync([ContactCreated("evt_1", "c_1", phone, "ana@example.com", "Ana", "Ruiz", at: T0)]);
            await app.DrainAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    // Requests with this method to links-table rows whose key starts with this prefix.
    private static int Count(StorageRequestListener requests, string method, string rowPrefix) =>
        requests.Requests.Count(request => request.StartsWith(method + " ", StringComparison.Ordinal) && request.Contains("'" + rowPrefix, StringComparison.Ordinal));
}
