using System.Text.Json.Nodes;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Ghl.Tests.Client;

[IntegrationLane]
public sealed class AuthenticationTests
{
    private const string Location = "loc-auth";
    private const string OldToken = "test-token-old";
    private const string NewToken = "test-token-new";

    [Fact]
    public async Task A_401_gets_a_fresh_token_and_the_request_is_repeated_once()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(new SimulatorSettings
        {
            RecordInMemory = true,
            Tokens = new() { [OldToken] = Location, [NewToken] = Location },
            ExpiredTokens = [OldToken],
        });
        var contactId = simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = "Ana" })["id"]!.GetValue<string>();
        var tokens = new FakeGhlTokenProvider().Use(Location, OldToken, NewToken);
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, tokens);

        var contact = await ghl.Client.GetContactAsync(Location, contactId);
        await ghl.Client.GetContactAsync(Location, contactId);

        Assert.Equal("Ana", contact.FirstName);
        Assert.Equal(1, tokens.FreshTokenRequests);
        Assert.Equal(3, simulator.State.Recorded.Count);
        var statuses = simulator.State.Counters.Snapshot().Timelines[Location].Select(e => e.Status);
        Assert.Equal([200, 200], statuses);
    }

    [Fact]
    public async Task A_401_on_a_create_is_repeated_with_the_fresh_token_and_creates_one_contact()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(new SimulatorSettings
        {
            RecordInMemory = true,
            Tokens = new() { [OldToken] = Location, [NewToken] = Location },
            ExpiredTokens = [OldToken],
        });
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, new FakeGhlTokenProvider().Use(Location, OldToken, NewToken));

        await ghl.Client.CreateContactAsync(Location, new() { FirstName = "Ana", Phone = "+12015550123" });

        Assert.Single(simulator.State.ContactsOf(Location));
    }

    [Fact]
    public async Task A_401_without_a_fresher_token_stops_with_location_needs_attention()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(new SimulatorSettings
        {
            RecordInMemory = true,
            Tokens = new() { [OldToken] = Location },
            ExpiredTokens = [OldToken],
        });
        var tokens = new FakeGhlTokenProvider().Use(Location, OldToken);
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, tokens);

        var failure = await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => ghl.Client.GetContactAsync(Location, "c-1"));

        Assert.Equal(Location, failure.LocationId);
        Assert.Single(simulator.State.Recorded);
    }

    [Fact]
    public async Task A_second_401_with_the_fresh_token_marks_the_location_through_the_provider_without_a_second_refresh()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(new SimulatorSettings
        {
            RecordInMemory = true,
            Tokens = new() { [OldToken] = Location, [NewToken] = Location },
            ExpiredTokens = [OldToken, NewToken],
        });
        var tokens = new FakeGhlTokenProvider().Use(Location, OldToken, NewToken);
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, tokens);

        var failure = await Assert.ThrowsAsync<GhlLocationNeedsAttentionException>(() => ghl.Client.GetContactAsync(Location, "c-1"));

        Assert.Equal(Location, failure.LocationId);
        Assert.Contains("Invalid token: access token is invalid", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(1, tokens.FreshTokenRequests);
        Assert.Equal(1, tokens.RejectedAfterRenewal);
        Assert.Equal(2, simulator.State.Recorded.Count);
    }

    [Fact]
    public async Task A_401_for_a_scope_the_token_lacks_fails_that_call_permanently_with_ghls_message_and_asks_for_no_fresh_token()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(new SimulatorSettings
        {
            RecordInMemory = true,
            Tokens = new() { [OldToken] = Location },
            TokenScopes = new() { [OldToken] = ["contacts.readonly"] },
        });
        var tokens = new FakeGhlTokenProvider().Use(Location, OldToken);
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, tokens);

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.CreateContactAsync(Location, new() { FirstName = "Ana", Phone = "+12015550123" }));
        var page = await ghl.Client.GetContactsPageAsync(Location);

        Assert.Equal(GhlErrorKind.Permanent, failure.Kind);
        Assert.True(failure.MissingScope);
        Assert.False(failure.OutcomeUnknown);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Equal(["The token is not authorized for this scope."], failure.Messages);
        Assert.Empty(page.Contacts);
        Assert.Equal(0, tokens.FreshTokenRequests);
        Assert.Equal(2, simulator.State.Recorded.Count);
        Assert.Empty(simulator.State.ContactsOf(Location));
    }

    [Fact]
    public async Task A_403_for_a_location_the_token_cannot_reach_needs_attention_and_is_not_retried()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: ["loc-a", "loc-b"]);
        var tokens = new FakeGhlTokenProvider().Use("loc-b", GhlSimulatorHost.TokenFor("loc-a"));
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, tokens);

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.GetContactsPageAsync("loc-b"));

        Assert.Equal(GhlErrorKind.LocationNeedsAttention, failure.Kind);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, failure.StatusCode);
        Assert.Single(simulator.State.Recorded);
    }

    [Fact]
    public async Task Location_is_not_active_needs_attention()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        simulator.Settings = simulator.Settings with { InactiveLocations = [Location] };
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.CreateContactAsync(Location, new() { FirstName = "Ana" }));

        Assert.Equal(GhlErrorKind.LocationNeedsAttention, failure.Kind);
        Assert.Contains("Location is not active", failure.Messages);
        Assert.Empty(simulator.State.ContactsOf(Location));
    }
}
