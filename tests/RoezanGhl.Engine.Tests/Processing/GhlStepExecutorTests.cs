using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Processing;

/// <summary>The step executor against the GHL simulator: ghost writes found and adopted, duplicates adopted, conflicts seen.</summary>
[IntegrationLane]
public sealed class GhlStepExecutorTests : IAsyncLifetime
{
    private const string Location = "loc-1";
    private GhlSimulatorHost _simulator = null!;
    private GhlTestClient _client = null!;
    private GhlStepExecutor _executor = null!;

    public async Task InitializeAsync()
    {
        _simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        _client = GhlTestClient.Create(_simulator.BaseUrl);
        _executor = new GhlStepExecutor(_client.Client, NullLogger<GhlStepExecutor>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    private static StepContext Context(string? contactId = null, bool lookUp = false) =>
        new() { LocationId = Location, EventId = "evt_1", GhlContactId = contactId, LookUpBeforeCreating = lookUp };

    private string SeedContact() => (string)_simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = "Ana", ["phone"] = "+12015550123" })["id"]!;

    private IReadOnlyList<JsonObject> Notes(string contactId) => _simulator.State.ChildrenOf(Location, contactId, ChildKind.Note);

    [Fact]
    public async Task Note_create_that_ghl_applied_but_answered_500_is_found_and_not_made_twice()
    {
        var contactId = SeedContact();
        _simulator.Settings = _simulator.Settings with { GhostWriteCount = 1 };

        var result = await _executor.ExecuteAsync(Context(contactId), new CreateNoteStep { Body = "hello\n\nref: evt_1", Reference = "evt_1", Reason = "test" }, default);

        Assert.True(result.Adopted);
        var note = Assert.Single(Notes(contactId));
        Assert.Equal((string?)note["id"], result.GhlNoteId);
    }

    [Fact]
    public async Task Contact_create_whose_connection_dropped_after_ghl_applied_it_is_found_by_phone()
    {
        _simulator.Settings = _simulator.Settings with { GhostWriteCount = 1, GhostWriteMode = GhostWriteMode.Abort };

        var result = await _executor.ExecuteAsync(Context(), new CreateContactStep { Fields = new ContactFields { Phone = "+12015550124", FirstName = "Bo" }, Reason = "test" }, default);

        var contact = Assert.Single(_simulator.State.ContactsOf(Location));
        Assert.Equal((string?)contact["id"], result.GhlContactId);
        Assert.True(result.Adopted);
    }

    [Fact]
    public async Task Contact_create_with_tags_makes_the_contact_with_them_in_one_call()
    {
        var result = await _executor.ExecuteAsync(Context(), new CreateContactStep { Fields = new ContactFields { FirstName = "Bo" }, Tags = ["lead", "vip"], Reason = "test" }, default);

        var contact = Assert.Single(_simulator.State.ContactsOf(Location));
        Assert.False(result.Adopted);
        Assert.Equal(["lead", "vip"], contact["tags"]!.AsArray().Select(tag => (string)tag!));
        Assert.Single(_simulator.State.Recorded);
    }

    [Fact]
    public async Task Contact_create_with_tags_that_finds_an_existing_contact_is_adopted_and_leaves_its_tags_as_they_were()
    {
        var existing = (string)_simulator.State.SeedContact(Location, new JsonObject { ["phone"] = "+12015550125", ["tags"] = new JsonArray("old") })["id"]!;

        var result = await _executor.ExecuteAsync(Context(), new CreateContactStep { Fields = new ContactFields { Phone = "+12015550125" }, Tags = ["lead"], Reason = "test" }, default);

        // GHL wrote nothing of the refused body: the plan's AddTagsStep (OnlyIfContactFound) must add the tags.
        Assert.True(result.Adopted);
        Assert.Equal(existing, result.GhlContactId);
        Assert.Equal(["old"], Assert.Single(_simulator.State.ContactsOf(Location))["tags"]!.AsArray().Select(tag => (string)tag!));
    }

    [Fact]
    public async Task Task_create_answered_422_but_applied_is_found_by_its_reference()
    {
        var contactId = SeedContact();
        _simulator.Settings = _simulator.Settings with { GhostWriteCount = 1, GhostWriteMode = GhostWriteMode.Unprocessable };
        var step = new CreateTaskStep { Fields = new TaskFields { Title = "Call", Body = "x\n\nref: roezan-task/t_1", DueDate = DateTimeOffset.UtcNow.AddDays(1), Completed = false }, Reference = "roezan-task/t_1", Reason = "test" };

        var result = await _executor.ExecuteAsync(Context(contactId), step, default);

        var task = Assert.Single(_simulator.State.ChildrenOf(Location, contactId, ChildKind.Task));
        Assert.Equal((string?)task["id"], result.GhlTaskId);
    }

    [Fact]
    public async Task Retry_after_an_unrecorded_note_looks_it_up_first_and_sends_no_create()
    {
        var contactId = SeedContact();
        await _executor.ExecuteAsync(Context(contactId), new CreateNoteStep { Body = "hi\n\nref: evt_1", Reference = "evt_1", Reason = "first try" }, default);

        var again = await _executor.ExecuteAsync(Context(contactId, lookUp: true), new CreateNoteStep { Body = "hi\n\nref: evt_1", Reference = "evt_1", Reason = "retry" }, default);

        Assert.True(again.Adopted);
        Assert.Single(Notes(contactId));
    }

    [Fact]
    public async Task Create_blocked_as_a_duplicate_adopts_the_existing_contact()
    {
        var existing = SeedContact();

        var result = await _executor.ExecuteAsync(Context(), new CreateContactStep { Fields = new ContactFields { Phone = "+12015550123", FirstName = "Ana" }, Reason = "test" }, default);

        Assert.Equal(existing, result.GhlContactId);
        Assert.True(result.Adopted);
        Assert.Single(_simulator.State.ContactsOf(Location));
    }

    [Fact]
    public async Task Upsert_matched_by_email_to_a_contact_without_our_phone_reports_the_conflict()
    {
        _simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = "Kim", ["email"] = "kim@example.com" });
        _simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = "Other", ["phone"] = "+12015550199" });

        var result = await _executor.ExecuteAsync(Context(), new UpsertContactStep { Fields = new ContactFields { Email = "kim@example.com", Phone = "+12015550199", FirstName = "Kim" }, Reason = "test" }, default);

        Assert.Equal(["phone"], result.ConflictMembers);
        Assert.Contains("sent +12015550199", result.Conflict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_that_keeps_what_was_sent_reports_no_conflict()
    {
        var result = await _executor.ExecuteAsync(Context(), new UpsertContactStep { Fields = new ContactFields { Email = "new@example.com", Phone = "+12015550177", FirstName = "Neo" }, Reason = "test" }, default);

        Assert.Null(result.Conflict);
        Assert.False(result.Adopted);
    }

    [Fact]
    public async Task Validation_failure_surfaces_as_a_permanent_ghl_error()
    {
        var failure = await Assert.ThrowsAsync<GhlApiException>(() => _executor.ExecuteAsync(Context("no-such-contact"), new UpdateContactStep { Fields = new ContactFields { FirstName = "X" }, Reason = "test" }, default));

        Assert.Equal(GhlErrorKind.Permanent, failure.Kind);
    }
}
