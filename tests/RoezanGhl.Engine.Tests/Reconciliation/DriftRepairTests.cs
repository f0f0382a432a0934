using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Reconciliation;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Storage.Leases;
using RoezanGhl.Storage.Reconciliation;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Reconciliation;

[IntegrationLane]
public sealed class DriftRepairTests : IAsyncLifetime
{
    private ReconcileRig _rig = null!;

    public async Task InitializeAsync() => _rig = await ReconcileRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task A_contact_edited_by_hand_in_ghl_gets_its_last_roezan_values_and_tags_back()
    {
        var state = ReconcileRig.Person(1, "vip", "lead");
        var ghlId = await _rig.LinkContactAsync("c_1", state);
        var untouched = await _rig.LinkContactAsync("c_2", ReconcileRig.Person(2, "lead"));
        _rig.EditInGhl(ghlId, new JsonObject { ["firstName"] = "Changed", ["email"] = "someone.else@example.com", ["tags"] = new JsonArray("vip", "added-by-hand") });

        var summary = await _rig.RunAsync();

        Assert.Equal(ReconcileRunOutcome.Completed, summary.Outcome);
        Assert.Equal((1, 0, 2), (summary.Repaired, summary.Reported, summary.ContactsChecked));
        var contact = _rig.GhlContact(ghlId)!;
        Assert.Equal("Ana1", (string?)contact["firstName"]);
        Assert.Equal("ana1@example.com", (string?)contact["email"]);
        Assert.Equal(["vip", "added-by-hand", "lead"], contact["tags"]!.AsArray().Select(tag => (string)tag!));
        // One PUT with only the drifted fields, one tags call; the untouched contact cost nothing.
        var put = Assert.Single(_rig.Requests("PUT", $"/contacts/{ghlId}"));
        Assert.Equal(["email", "firstName"], JsonNode.Parse(put.Body!)!.AsObject().Select(pair => pair.Key).Order());
        Assert.Single(_rig.Requests("POST", $"/contacts/{ghlId}/tags"));
        Assert.Empty(_rig.Requests("PUT", $"/contacts/{untouched}"));
        Assert.Equal(1 + 2, summary.CallsSpent);
    }

    [Fact]
    public async Task In_report_mode_drift_is_counted_and_logged_and_ghl_is_left_alone()
    {
        await using var rig = await ReconcileRig.StartAsync(new Dictionary<string, string?> { ["Sync:DriftMode"] = "Report" });
        var ghlId = await rig.LinkContactAsync("c_1", ReconcileRig.Person(1));
        rig.EditInGhl(ghlId, new JsonObject { ["lastName"] = "Changed" });

        var summary = await rig.RunAsync();

        Assert.Equal((0, 1), (summary.Repaired, summary.Reported));
        Assert.Equal("Changed", (string?)rig.GhlContact(ghlId)!["lastName"]);
        Assert.Empty(rig.Requests("PUT", $"/contacts/{ghlId}"));
        var logged = Assert.Single(rig.Logs.GetSnapshot(), record => record.Id.Name == "ReconcileDriftReported");
        Assert.Contains("lastName", logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Changed", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_reports_drift_and_changes_neither_ghl_nor_the_cursor()
    {
        var ghlId = await _rig.LinkContactAsync("c_1", ReconcileRig.Person(1));
        _rig.EditInGhl(ghlId, new JsonObject { ["lastName"] = "Changed" });

        var summary = await _rig.RunAsync(dryRun: true);

        Assert.Equal((0, 1, true), (summary.Repaired, summary.Reported, summary.DryRun));
        Assert.Equal("Changed", (string?)_rig.GhlContact(ghlId)!["lastName"]);
        Assert.Equal(DriftCursor.Start, await _rig.Cursors.GetDriftCursorAsync(ReconcileRig.LocationId, CancellationToken.None));
        Assert.Equal(1, (await _rig.RunAsync()).Repaired);
    }

    [Fact]
    public async Task A_contact_an_event_is_writing_is_reported_not_repaired()
    {
        var ghlId = await _rig.LinkContactAsync("c_1", ReconcileRig.Person(1));
        _rig.EditInGhl(ghlId, new JsonObject { ["lastName"] = "Changed" });
        var leases = _rig.Get<LeaseStore>();
        Assert.True((await leases.TryAcquireAsync(ReconcileRig.LocationId, ["contact:" + ghlId], "evt_busy", TimeSpan.FromMinutes(1), CancellationToken.None)).Acquired);

        var summary = await _rig.RunAsync();

        Assert.Equal((0, 1), (summary.Repaired, summary.Reported));
        Assert.Equal("Changed", (string?)_rig.GhlContact(ghlId)!["lastName"]);
    }

    [Fact]
    public async Task A_linked_contact_deleted_in_ghl_is_reported_and_not_recreated_by_default()
    {
        var ghlId = await _rig.LinkContactAsync("c_1", ReconcileRig.Person(1));
        await _rig.LinkContactAsync("c_2", ReconcileRig.Person(2));
        _rig.Simulator.State.DeleteContact(null, ghlId);

        var summary = await _rig.RunAsync();

        Assert.Equal((1, 0), (summary.Deleted, summary.Recreated));
        Assert.Single(_rig.Simulator.State.ContactsOf(ReconcileRig.LocationId));
        // Only the contact the sweep did not see was looked up.
        Assert.Single(_rig.Requests("GET", $"/contacts/{ghlId}"));
        Assert.Contains(_rig.Logs.GetSnapshot(), record => record.Id.Name == "ReconcileContactDeleted" && record.Message.Contains(ghlId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_linked_contact_deleted_in_ghl_is_recreated_and_relinked_when_the_setting_says_so()
    {
        await using var rig = await ReconcileRig.StartAsync(new Dictionary<string, string?> { ["Sync:ReconcileRecreateDeleted"] = "true" });
        var state = ReconcileRig.Person(1, "vip");
        var oldId = await rig.LinkContactAsync("c_1", state);
        rig.Simulator.State.DeleteContact(null, oldId);

        var summary = await rig.RunAsync();

        Assert.Equal((1, 1), (summary.Deleted, summary.Recreated));
        var recreated = Assert.Single(rig.Simulator.State.ContactsOf(ReconcileRig.LocationId));
        var newId = (string)recreated["id"]!;
        Assert.NotEqual(oldId, newId);
        Assert.Equal(("Ana1", "ana1@example.com", "+12015550001"), ((string?)recreated["firstName"], (string?)recreated["email"], (string?)recreated["phone"]));
        Assert.Equal(["vip"], recreated["tags"]!.AsArray().Select(tag => (string)tag!));
        Assert.Equal(newId, await rig.Links.FindContactIdAsync(ReconcileRig.LocationId, ReconcileRig.AccountId, new ContactIdentity { RoezanContactId = "c_1" }, CancellationToken.None));
        var linked = await rig.Links.ListLinkedContactsAsync(ReconcileRig.LocationId, null, CancellationToken.None).ToListAsync();
        Assert.Equal([newId], linked.Select(contact => contact.State.GhlContactId));

        // The next pass finds nothing missing.
        var next = await rig.RunAsync();
        Assert.Equal((0, 0), (next.Deleted, next.Recreated));
        Assert.Single(rig.Simulator.State.ContactsOf(ReconcileRig.LocationId));
    }

    [Fact]
    public async Task The_call_budget_is_never_exceeded_and_the_next_run_goes_on_from_the_cursor()
    {
        await using var rig = await ReconcileRig.StartAsync(new Dictionary<string, string?> { ["Ghl:PageSize"] = "2", ["Sync:ReconcileCallBudget"] = "2" });
        var ids = new List<string>();
        for (var n = 1; n <= 5; n++)
        {
            ids.Add(await rig.LinkContactAsync($"c_{n}", ReconcileRig.Person(n)));
        }

        var first = await rig.RunAsync();
        var second = await rig.RunAsync();
        var third = await rig.RunAsync();

        Assert.Equal((ReconcileRunOutcome.Stopped, 2, 4), (first.Outcome, first.CallsSpent, first.ContactsChecked));
        Assert.Contains("budget", first.Reason, StringComparison.Ordinal);
        // The last, short page ends the pass; every linked contact was seen, so none is looked up.
        Assert.Equal((ReconcileRunOutcome.Completed, 1, 1), (second.Outcome, second.CallsSpent, second.ContactsChecked));
        Assert.All(new[] { first, second, third }, run => Assert.True(run.CallsSpent <= 2));
        var lists = rig.Requests("GET", "/contacts/");
        Assert.Equal(ids[3], lists[2].Query.GetValueOrDefault("startAfterId"));
        // The second run reached the end of the pass: the third starts a new one from the beginning.
        Assert.False(lists[3].Query.ContainsKey("startAfterId"));
    }

    [Fact]
    public async Task A_run_that_dies_half_way_resumes_where_its_cursor_stopped()
    {
        var failing = new FailingPages(failOnPage: 3);
        await using var rig = await ReconcileRig.StartAsync(
            new Dictionary<string, string?> { ["Ghl:PageSize"] = "2" },
            services => services.AddSingleton<GhlContactsClient>(provider => failing.Wrap(provider)));
        var ids = new List<string>();
        for (var n = 1; n <= 6; n++)
        {
            var state = ReconcileRig.Person(n);
            ids.Add(await rig.LinkContactAsync($"c_{n}", state));
        }

        foreach (var id in ids)
        {
            rig.EditInGhl(id, new JsonObject { ["lastName"] = "Changed" });
        }

        var died = await rig.RunAsync();
        var cursor = await rig.Cursors.GetDriftCursorAsync(ReconcileRig.LocationId, CancellationToken.None);
        var resumed = await rig.RunAsync();

        Assert.Equal((ReconcileRunOutcome.Failed, 4), (died.Outcome, died.Repaired));
        Assert.Equal(ids[3], cursor.StartAfterId);
        Assert.Equal((ReconcileRunOutcome.Completed, 2, 2), (resumed.Outcome, resumed.Repaired, resumed.ContactsChecked));
        Assert.All(ids, id => Assert.Equal("Diaz", (string?)rig.GhlContact(id)!["lastName"]));
        Assert.All(ids, id => Assert.Single(rig.Requests("PUT", $"/contacts/{id}")));
        var lists = rig.Requests("GET", "/contacts/");
        Assert.Equal(ids[3], lists[2].Query.GetValueOrDefault("startAfterId"));
    }

    [Fact]
    public async Task Background_work_stops_at_the_daily_reserve_and_leaves_it_to_live_events()
    {
        await using var rig = await ReconcileRig.StartAsync(new Dictionary<string, string?> { ["Ghl:PageSize"] = "1", ["Ghl:DailyReserve"] = "998" });
        rig.Simulator.Settings = rig.Simulator.Settings with { DailyLimit = 1000 };
        for (var n = 1; n <= 3; n++)
        {
            await rig.LinkContactAsync($"c_{n}", ReconcileRig.Person(n));
        }

        var summary = await rig.RunAsync();

        Assert.Equal(ReconcileRunOutcome.Stopped, summary.Outcome);
        Assert.Contains("reserve", summary.Reason, StringComparison.Ordinal);
        Assert.Equal(2, rig.Requests("GET", "/contacts/").Count);
        // A live (normal priority) call still goes through.
        await rig.Get<GhlContactsClient>().GetContactsPageAsync(ReconcileRig.LocationId, new GhlContactListQuery { Limit = 1 });
    }

    /// <summary>The real client, except that one list page fails as a transient GHL error would, once.</summary>
    private sealed class FailingPages(int failOnPage)
    {
        private readonly int _failOnPage = failOnPage;
        private int _pages;

        public GhlContactsClient Wrap(IServiceProvider provider)
        {
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(GhlContactsClient));
            var real = provider.GetRequiredService<ITypedHttpClientFactory<GhlContactsClient>>().CreateClient(http);
            return new Client(real, this);
        }

        private sealed class Client(GhlContactsClient real, FailingPages owner) : GhlContactsClient
        {
            public override Task<GhlContactPage> GetContactsPageAsync(string locationId, GhlContactListQuery? query = null, CancellationToken cancellationToken = default) =>
                Interlocked.Increment(ref owner._pages) == owner._failOnPage
                    ? throw new GhlApiException("GHL GET /contacts/ failed: 503", GhlErrorKind.Transient, System.Net.HttpStatusCode.ServiceUnavailable)
                    : real.GetContactsPageAsync(locationId, query, cancellationToken);

            public override Task<GhlContact> GetContactAsync(string locationId, string contactId, CancellationToken cancellationToken = default) => real.GetContactAsync(locationId, contactId, cancellationToken);

            public override Task<GhlContact> UpdateContactAsync(string locationId, string contactId, GhlUpdateContactRequest changes, CancellationToken cancellationToken = default) => real.UpdateContactAsync(locationId, contactId, changes, cancellationToken);

            public override Task<IReadOnlyList<string>> AddTagsAsync(string locationId, string contactId, IEnumerable<string> tags, CancellationToken cancellationToken = default) => real.AddTagsAsync(locationId, contactId, tags, cancellationToken);
        }
    }
}
