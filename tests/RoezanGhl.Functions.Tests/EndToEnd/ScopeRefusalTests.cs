using RoezanGhl.Credentials.Tokens;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using static RoezanGhl.Functions.Tests.EndToEnd.RoezanEvents;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>A token without the scope an event needs, through the whole app with its own token provider.</summary>
[IntegrationLane]
public sealed class ScopeRefusalTests
{
    [Fact]
    public async Task An_event_whose_call_lacks_a_scope_fails_with_ghls_message_and_the_location_stays_usable()
    {
        await using var app = await AppTestHost.Create().WithAppTokenProvider().StartAsync();
        var token = GhlSimulatorHost.TokenFor(AppTestHost.LocationId);
        app.Simulator.Settings = app.Simulator.Settings with { TokenScopes = new() { [token] = ["contacts.readonly"] } };

        await app.PostAllAsync([ContactCreated("evt_1", "c_1", "(201) 555-0130", firstName: "Eva")]);
        await app.DrainAsync();
        var refused = await app.ReadLedgerAsync("evt_1");
        var status = await app.Get<ILocationStatusStore>().GetAsync(AppTestHost.LocationId, CancellationToken.None);

        app.Simulator.Settings = app.Simulator.Settings with { TokenScopes = [] };
        await app.PostAllAsync([ContactCreated("evt_2", "c_2", "(201) 555-0131", firstName: "Fay")]);
        await app.DrainAsync();

        Assert.Equal(EventLedgerStatus.Failed, refused.Status);
        Assert.Contains("401: The token is not authorized for this scope.", refused.LastError, StringComparison.Ordinal);
        Assert.Equal(1, refused.Attempts);
        Assert.False(status?.NeedsAttention ?? false, "the location was marked as needing attention for a missing scope");
        Assert.Equal(EventLedgerStatus.Applied, (await app.ReadLedgerAsync("evt_2")).Status);
        Assert.Single(app.Simulator.State.ContactsOf(AppTestHost.LocationId));
    }
}
