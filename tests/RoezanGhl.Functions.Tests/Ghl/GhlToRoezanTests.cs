using System.Net.Http.Json;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.UnitTestSupport.Webhooks;

namespace RoezanGhl.Functions.Tests.Ghl;

/// <summary>GHL changes through the GHL door, the queue and the GHL → Roezan applier into the Roezan simulator, and back.</summary>
[IntegrationLane]
public class GhlToRoezanTests
{
    private static async Task<AppTestHost> StartAsync(string? setting = null, string? value = null)
    {
        var host = await AppTestHost.Create().WithRoezanSimulator().WithSetting(setting ?? "Sync:TwoWay:ConflictRule", value ?? "newest-wins").StartAsync();
        host.Simulator.Settings = host.Simulator.Settings with { RecordInMemory = true };
        return host;
    }

    /// <summary>Runs the queue, lets Roezan's webhooks reach the door, and repeats until both are quiet.</summary>
    private static async Task SettleAsync(AppTestHost host)
    {
        for (var round = 0; round < 4; round++)
        {
            await host.DrainAsync();
            await host.Roezan.Simulator.WaitForWebhooksAsync();
        }

        await host.DrainAsync();
    }

    private static DateTimeOffset Now(AppTestHost host) => host.Get<TimeProvider>().GetUtcNow();

    [Fact]
    public async Task A_new_ghl_contact_with_a_phone_is_created_in_roezan_and_its_roezan_echo_writes_nothing_to_ghl()
    {
        await using var host = await StartAsync();
        var body = GhlSampleEvents.ContactUpdate("wh-new", Now(host), type: "ContactCreate", contactId: "ghl-c-new", tags: ["vip", "lead"]);

        Assert.Equal(200, (await host.PostGhlAsync(body)).StatusCode);
        await SettleAsync(host);

        var contact = Assert.Single(host.Roezan.Simulator.State.ContactsOf("acme"));
        Assert.Equal(("+12015550123", "Ana", "Lopez", "ana@example.com"), (contact.Phone, contact.FirstName, contact.LastName, contact.Email));
        Assert.Equal(["vip", "lead"], contact.Tags);
        Assert.Equal(EventLedgerStatus.Applied, (await host.ReadLedgerAsync("ghl:wh-new")).Status);
        Assert.True(!host.Simulator.State.Recorded.Any(request => request.Method != "GET"), "GHL was written: " + string.Join("; ", host.Simulator.State.Recorded.Select(r => $"{r.Method} {r.Path}")));
        var statuses = await host.LedgerStatusesAsync();
        Assert.Contains(statuses, pair => !pair.Key.StartsWith("ghl:", StringComparison.Ordinal) && pair.Value == nameof(EventLedgerStatus.Skipped));
    }

    [Fact]
    public async Task A_linked_contact_gets_only_changed_fields_and_an_empty_ghl_field_never_blanks_roezan()
    {
        await using var host = await StartAsync();
        await host.PostGhlAsync(GhlSampleEvents.ContactUpdate("wh-a", Now(host), type: "ContactCreate"));
        await SettleAsync(host);
        var before = host.Roezan.Simulator.State.Recorded.Count;

        await host.PostGhlAsync(GhlSampleEvents.ContactUpdate("wh-b", Now(host).AddSeconds(1), firstName: "Anna", email: null, tags: ["vip", "new"]));
        await SettleAsync(host);

        var contact = Assert.Single(host.Roezan.Simulator.State.ContactsOf("acme"));
        Assert.Equal(("Anna", "ana@example.com"), (contact.FirstName, contact.Email));
        Assert.Equal(["vip", "new"], contact.Tags);
        var upsert = Assert.Single(host.Roezan.Simulator.State.Recorded.Skip(before), request => request.Method == "POST");
        Assert.DoesNotContain("email", upsert.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("lastName", upsert.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_ghl_state_is_skipped_without_calling_roezan()
    {
        await using var host = await StartAsync();
        await host.PostGhlAsync(GhlSampleEvents.ContactUpdate("wh-1", Now(host), type: "ContactCreate"));
        await SettleAsync(host);
        var before = host.Roezan.Simulator.State.Recorded.Count;

        await host.PostGhlAsync(GhlSampleEvents.ContactUpdate("wh-2", Now(host).AddSeconds(1)));
        await SettleAsync(host);

        Assert.Equal(before, host.Roezan.Simulator.State.Recorded.Count);
        Assert.Equal(EventLedgerStatus.Skipped, (await host.ReadLedgerAsync("ghl:wh-2")).Status);
    }

    [Fact]
    public async Task Ghl_sms_do_not_disturb_tags_the_roezan_contact_with_the_opt_out_tag_and_says_so_in_the_ledger()
    {
        await using var host = await StartAsync("Sync:TwoWay:OptOutTag", "no-sms");
        await host.PostGhlAsync(GhlSampleEvents.ContactUpdate("wh-1", Now(host), type: "ContactCreate"));
        await SettleAsync(host);

        var dnd = GhlSampleEvents.ContactUpdate("wh-dnd", Now(host).AddSeconds(1), type: "ContactDndUpdate").Replace("\"tags\":", "\"dnd\":true,\"tags\":", StringComparison.Ordinal);
        await host.PostGhlAsync(dnd);
        await SettleAsync(host);

        Assert.Contains("no-sms", Assert.Single(host.Roezan.Simulator.State.ContactsOf("acme")).Tags);
        Assert.Contains(host.Logs.GetSnapshot(), record => record.Id.Id == 5404);
    }

    [Fact]
    public async Task A_ghl_contact_delete_is_recorded_and_not_propagated_by_default()
    {
        await using var host = await StartAsync();
        await host.PostGhlAsync(GhlSampleEvents.ContactUpdate("wh-1", Now(host), type: "ContactCreate"));
        await SettleAsync(host);

        await host.PostGhlAsync(GhlSampleEvents.ContactUpdate("wh-del", Now(host).AddSeconds(1), type: "ContactDelete"));
        await SettleAsync(host);

        var entry = await host.ReadLedgerAsync("ghl:wh-del");
        Assert.Equal(EventLedgerStatus.Skipped, entry.Status);
        Assert.Contains("not propagated", entry.LastError ?? entry.Outcome, StringComparison.Ordinal);
        Assert.False(Assert.Single(host.Roezan.Simulator.State.ContactsOf("acme")).Deleted);
    }

    [Fact]
    public async Task A_ghl_note_is_recorded_in_the_ledger_and_not_sent_to_roezan()
    {
        await using var host = await StartAsync();
        await host.PostGhlAsync(GhlSampleEvents.NoteCreate("wh-note", Now(host)));
        await SettleAsync(host);

        var entry = await host.ReadLedgerAsync("ghl:wh-note");
        Assert.Equal((EventLedgerStatus.Skipped, "ghl-c-1"), (entry.Status, entry.SourceContactId));
        Assert.Empty(host.Roezan.Simulator.State.Recorded);
    }

    [Fact]
    public async Task A_roezan_opt_out_sets_ghl_sms_do_not_disturb_and_ghls_echo_adds_no_opt_out_tag_in_roezan()
    {
        await using var host = await AppTestHost.Create().WithRoezanSimulator().WithGhlSimulatorWebhooks().StartAsync();
        using var roezanApi = host.Roezan.Simulator.CreateClient();
        (await roezanApi.PostAsJsonAsync("integrations/contacts", new { phone = "+12015550150", firstName = "Bo", email = "bo@example.com" })).EnsureSuccessStatusCode();
        await SettleAllAsync(host);

        host.Roezan.Simulator.Admin.OptOut("acme", "+12015550150");
        await SettleAllAsync(host);

        var ghl = Assert.Single(host.Simulator.State.ContactsOf("loc-acme"));
        Assert.Equal("active", ghl["dndSettings"]?["SMS"]?["status"]?.GetValue<string>());
        var roezan = Assert.Single(host.Roezan.Simulator.State.ContactsOf("acme"));
        Assert.True(roezan.OptedOut);
        Assert.DoesNotContain("sms-opt-out", roezan.Tags);
    }

    private static async Task SettleAllAsync(AppTestHost host)
    {
        for (var round = 0; round < 4; round++)
        {
            await host.Roezan.Simulator.WaitForWebhooksAsync();
            await host.GhlWebhooks.WaitUntilDrainedAsync();
            await host.DrainAsync();
        }

        await host.DrainAsync();
    }
}
