using System.Net;
using System.Text.Json.Nodes;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Ghl.Models;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Ghl.Tests.Client;

[IntegrationLane]
public sealed class FaultTests
{
    private const string Location = "loc-faults";

    [Fact]
    public async Task A_short_5xx_burst_on_a_read_is_retried_until_it_succeeds()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        var contactId = Seed(simulator);
        simulator.Settings = simulator.Settings with { ServerErrorBurst = 3 };
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);

        var contact = await ghl.Client.GetContactAsync(Location, contactId);

        Assert.Equal(contactId, contact.Id);
        Assert.Equal([503, 503, 503, 200], Statuses(simulator));
    }

    [Fact]
    public async Task A_5xx_burst_longer_than_the_retries_fails_as_transient()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        var contactId = Seed(simulator);
        simulator.Settings = simulator.Settings with { ServerErrorBurst = 20 };
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, configure: o => o.MaxRetries = 2);

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.UpdateContactAsync(Location, contactId, new() { LastName = "Diaz" }));

        Assert.Equal(GhlErrorKind.Transient, failure.Kind);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.False(failure.OutcomeUnknown);
        Assert.Equal(3, simulator.State.Recorded.Count);
    }

    [Fact]
    public async Task A_create_answered_5xx_is_not_repeated_and_is_reported_as_outcome_unknown()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        simulator.Settings = simulator.Settings with { ServerErrorBurst = 1 };
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.CreateContactAsync(Location, new() { FirstName = "Ana" }));

        Assert.True(failure.OutcomeUnknown);
        Assert.Equal(GhlErrorKind.Transient, failure.Kind);
        Assert.Single(simulator.State.Recorded);
    }

    [Theory]
    [InlineData(GhostWriteMode.ServerError)]
    [InlineData(GhostWriteMode.Unprocessable)]
    [InlineData(GhostWriteMode.Abort)]
    public async Task A_ghost_written_create_is_reported_as_outcome_unknown_and_can_be_found_afterwards(GhostWriteMode mode)
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        simulator.Settings = simulator.Settings with { GhostWriteMode = mode, GhostWriteCount = 1 };
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.CreateContactAsync(Location, new() { FirstName = "Ana", Phone = "+12015550123" }));
        var found = await ghl.Client.FindDuplicateContactAsync(Location, "+12015550123", null);

        Assert.True(failure.OutcomeUnknown);
        Assert.Single(simulator.State.Recorded, r => r.Method == "POST");
        Assert.Single(simulator.State.ContactsOf(Location));
        Assert.NotNull(found);
        Assert.Equal("Ana", found.FirstName);
    }

    [Fact]
    public async Task A_ghost_written_note_is_reported_as_outcome_unknown_and_exists_once()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        var contactId = Seed(simulator);
        simulator.Settings = simulator.Settings with { GhostWriteMode = GhostWriteMode.Abort, GhostWriteCount = 1 };
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.CreateNoteAsync(Location, contactId, new() { Body = "hello" }));
        var notes = await ghl.Client.ListNotesAsync(Location, contactId);

        Assert.True(failure.OutcomeUnknown);
        Assert.Single(notes);
    }

    [Fact]
    public async Task An_upsert_applied_but_answered_with_a_dropped_connection_is_repeated_and_leaves_one_contact()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        simulator.Settings = simulator.Settings with { GhostWriteMode = GhostWriteMode.Abort, GhostWriteCount = 1 };
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);

        var result = await ghl.Client.UpsertContactAsync(Location, new GhlUpsertContactRequest { FirstName = "Ana", Phone = "+12015550123" });

        Assert.False(result.IsNew);
        Assert.Equal("Ana", result.Contact.FirstName);
        Assert.Single(simulator.State.ContactsOf(Location));
        Assert.Equal(2, simulator.State.Recorded.Count(r => r.Path == "/contacts/upsert"));
    }

    [Fact]
    public async Task A_create_blocked_as_duplicate_names_the_existing_contact()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        var existing = simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = "Ana", ["phone"] = "+12015550123" })["id"]!.GetValue<string>();
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.CreateContactAsync(Location, new() { FirstName = "Ana D", Phone = "(201) 555-0123" }));

        Assert.True(failure.IsDuplicateBlocked);
        Assert.Equal(existing, failure.ExistingContactId);
        Assert.Equal("phone", failure.MatchingField);
        Assert.Equal(GhlErrorKind.Permanent, failure.Kind);
        Assert.False(failure.OutcomeUnknown);
        Assert.NotNull(failure.TraceId);
        Assert.Single(simulator.State.Recorded);
    }

    [Fact]
    public async Task A_location_that_allows_duplicates_creates_a_second_contact()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        simulator.Settings = simulator.Settings with { AllowDuplicates = true };
        Seed(simulator);
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);

        await ghl.Client.CreateContactAsync(Location, new() { FirstName = "Ana", Phone = "+12015550123" });

        Assert.Equal(2, simulator.State.ContactsOf(Location).Count);
    }

    [Fact]
    public async Task A_read_that_times_out_is_retried_and_then_fails_as_transient()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        var contactId = Seed(simulator);
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, configure: o => { o.AttemptTimeout = TimeSpan.FromSeconds(1); o.MaxRetries = 2; });
        await WarmUpAsync(simulator);
        simulator.Settings = simulator.Settings with { LatencyMs = 5000 };

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.GetContactAsync(Location, contactId));

        Assert.Equal(GhlErrorKind.Transient, failure.Kind);
        Assert.Null(failure.StatusCode);
        Assert.False(failure.OutcomeUnknown);
        Assert.Equal(3, simulator.State.Recorded.Count(r => r.Path == $"/contacts/{contactId}"));
    }

    [Fact]
    public async Task A_create_that_times_out_after_sending_is_not_repeated_and_is_outcome_unknown()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(1));
        await WarmUpAsync(simulator);
        simulator.Settings = simulator.Settings with { LatencyMs = 5000 };

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.CreateTaskAsync(Location, "c-1", new() { Title = "Call", DueDate = DateTimeOffset.UnixEpoch }));

        Assert.True(failure.OutcomeUnknown);
        Assert.Single(simulator.State.Recorded, r => r.Method == "POST");
    }

    [Fact]
    public async Task Repeated_server_errors_open_the_location_circuit_and_later_calls_fail_fast_without_sending()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location, "loc-healthy"]);
        var contactId = Seed(simulator);
        var healthyId = simulator.State.SeedContact("loc-healthy", new JsonObject { ["firstName"] = "Bo" })["id"]!.GetValue<string>();
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl, configure: o =>
        {
            o.MaxRetries = 0;
            o.CircuitBreakerMinimumThroughput = 4;
            o.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        simulator.Settings = simulator.Settings with { ServerErrorRatio = 1.0 };
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.GetContactAsync(Location, contactId));
        }

        var sentBefore = simulator.State.Recorded.Count;
        var fastFailure = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.GetContactAsync(Location, contactId));
        simulator.Settings = simulator.Settings with { ServerErrorRatio = 0 };
        var healthy = await ghl.Client.GetContactAsync("loc-healthy", healthyId);

        Assert.Equal(sentBefore, simulator.State.Recorded.Count - 1);
        Assert.Contains("circuit is open", fastFailure.Message, StringComparison.Ordinal);
        Assert.Equal(GhlErrorKind.Transient, fastFailure.Kind);
        Assert.Equal(TimeSpan.FromSeconds(30), fastFailure.RetryAfter);
        Assert.Equal("Bo", healthy.FirstName);
    }

    [Fact]
    public async Task A_missing_contact_is_reported_as_not_found_and_permanent()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);

        var failure = await Assert.ThrowsAsync<GhlApiException>(() => ghl.Client.GetContactAsync(Location, "no-such-contact"));

        Assert.True(failure.IsNotFound);
        Assert.Equal(GhlErrorKind.Permanent, failure.Kind);
        Assert.Equal("GET /contacts/{contactId}", failure.Operation);
        Assert.Single(simulator.State.Recorded);
    }

    // The first requests of a fresh process pay for JIT; a timeout test must not time out on that.
    private static async Task WarmUpAsync(GhlSimulatorHost simulator)
    {
        await using var patient = GhlTestClient.Create(simulator.BaseUrl);
        await patient.Client.GetContactsPageAsync(Location);
    }

    private static string Seed(GhlSimulatorHost simulator) =>
        simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = "Ana", ["phone"] = "+12015550123" })["id"]!.GetValue<string>();

    private static int[] Statuses(GhlSimulatorHost simulator) =>
        [.. simulator.State.Counters.Snapshot().Timelines.GetValueOrDefault(Location, []).Select(e => e.Status)];
}
