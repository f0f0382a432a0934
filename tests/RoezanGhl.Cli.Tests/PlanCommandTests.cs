using RoezanGhl.Core.Planning;
using RoezanGhl.Storage.Links;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Webhooks;

namespace RoezanGhl.Cli.Tests;

[IntegrationLane]
public sealed class PlanCommandTests : IAsyncLifetime
{
    private CliRig _rig = null!;

    public async Task InitializeAsync() => _rig = await CliRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private async Task<string> EventFileAsync(string body)
    {
        var path = Path.Combine(_rig.Folder, $"event-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, body);
        return path;
    }

    [Fact]
    public async Task A_new_contact_plans_an_upsert_and_tags_and_says_the_links_were_read()
    {
        var file = await EventFileAsync(RoezanSampleEvents.ContactUpdated("evt_plan_1"));

        var result = await _rig.RunAsync("plan", file, "--account", CliRig.AccountId);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("links: read from storage (no linked contact)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Disposition: apply", result.Output, StringComparison.Ordinal);
        Assert.Contains("POST /contacts/upsert", result.Output, StringComparison.Ordinal);
        Assert.Contains("POST /contacts/{id}/tags", result.Output, StringComparison.Ordinal);
        Assert.Empty(_rig.Simulator.State.Recorded);
    }

    [Fact]
    public async Task A_linked_contact_plans_an_update_of_the_changed_fields_only()
    {
        var state = new ContactFields { FirstName = "Ana María", LastName = "Díaz-Ortega", Email = "ana.diaz@example.com", Phone = "+12015550123", Tags = ["vip", "newsletter", "spring-2026 promo", "sms-opt-in"] };
        await _rig.Host.Links.RecordContactAsync(CliRig.LocationId, CliRig.AccountId, "ghl_contact_1", new ContactIdentity { RoezanContactId = "c_1001" }, new ContactSnapshot { GhlContactId = "ghl_contact_1", Fields = state, LastOccurredAt = DateTimeOffset.Parse("2026-11-24T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture), LastEventId = "evt_0" }, "evt_0", CancellationToken.None);

        var file = await EventFileAsync(RoezanSampleEvents.ContactUpdated("evt_plan_2"));

        var result = await _rig.RunAsync("plan", file, "--account", CliRig.AccountId);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("linked to GHL contact ghl_contact_1", result.Output, StringComparison.Ordinal);
        Assert.Contains("PUT /contacts/{id}", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("POST /contacts/upsert", result.Output, StringComparison.Ordinal);
        Assert.Empty(_rig.Simulator.State.Recorded);
    }

    [Fact]
    public async Task Offline_it_plans_as_if_nothing_were_linked_and_says_so()
    {
        var file = await EventFileAsync(RoezanSampleEvents.NoteCreated("evt_plan_3"));

        var result = await _rig.RunAsync("plan", file, "--account", CliRig.AccountId, "--offline");

        Assert.Equal(0, result.Exit);
        Assert.Contains("links: not read (--offline)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Disposition: waitforcontact", result.Output, StringComparison.Ordinal);
        Assert.Contains("No GHL calls.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_storage_does_not_answer_it_says_so_and_still_plans()
    {
        _rig.Environment["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        var file = await EventFileAsync(RoezanSampleEvents.MessageReceived("evt_plan_4"));

        var result = await _rig.RunAsync("plan", file, "--account", CliRig.AccountId);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("links: storage unreachable", result.Output, StringComparison.Ordinal);
        Assert.Contains("POST /contacts/ ", result.Output, StringComparison.Ordinal);
        Assert.Contains("POST /contacts/{id}/notes", result.Output, StringComparison.Ordinal);
        Assert.Contains("msg:m_1", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_event_names_its_bad_field_in_one_line()
    {
        var file = await EventFileAsync("""{"id":"evt_bad","type":"contact.updated","occurredAt":"2026-11-24T10:00:00Z","data":{"contact":{"id":"c_1","phone":"12"}}}""");

        var result = await _rig.RunAsync("plan", file, "--account", CliRig.AccountId);

        Assert.Equal(1, result.Exit);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: the event is not valid: data.contact.phone", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_shows_each_request_body_with_personal_data_masked()
    {
        var file = await EventFileAsync(RoezanSampleEvents.ContactUpdated("evt_plan_5"));

        var result = await _rig.RunAsync("plan", file, "--account", CliRig.AccountId);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("personal data masked", result.Output, StringComparison.Ordinal);
        Assert.Contains($"\"locationId\": \"{CliRig.LocationId}\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"phone\": \"+*******\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"email\": \"a*******\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"vip\"", result.Output, StringComparison.Ordinal);
        foreach (var personal in new[] { "555-0123", "5550123", "ana.diaz", "example.com", "María", "Díaz", "upgrading" })
        {
            Assert.DoesNotContain(personal, result.Output + result.Error, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Show_personal_data_prints_the_bodies_in_full()
    {
        var file = await EventFileAsync(RoezanSampleEvents.ContactUpdated("evt_plan_6"));

        var result = await _rig.RunAsync("plan", file, "--account", CliRig.AccountId, "--show-personal-data");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("request bodies in full", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"phone\": \"+12015550123\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"email\": \"ana.diaz@example.com\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"firstName\": \"Ana María\"", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("+*******", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_one_account_configured_the_account_may_be_left_out()
    {
        var file = await EventFileAsync(RoezanSampleEvents.ContactUpdated("evt_plan_7"));

        var result = await _rig.RunAsync("plan", file, "--offline");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains($"for account {CliRig.AccountId} → GHL location {CliRig.LocationId}", result.Output, StringComparison.Ordinal);
        Assert.Contains("POST /contacts/upsert", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_several_accounts_configured_leaving_the_account_out_is_one_line_naming_them()
    {
        _rig.Values["Roezan__Accounts__beta__GhlLocationId"] = "loc-beta";
        _rig.WriteSettings();
        var file = await EventFileAsync(RoezanSampleEvents.ContactUpdated("evt_plan_8"));

        var result = await _rig.RunAsync("plan", file, "--offline");

        Assert.Equal(2, result.Exit);
        Assert.Equal("error: --account is needed: 2 accounts are configured (acme, beta)", Assert.Single(result.ErrorLines));
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task With_ghl_a_new_lead_shows_the_welcome_text_its_encoding_segments_and_time_masked_by_default()
    {
        _rig.Values[$"Roezan__Accounts__{CliRig.AccountId}__Mapping__Automations__0__Template"] = "welcome-new-lead";
        _rig.WriteSettings();
        var file = await EventFileAsync(RoezanGhl.UnitTestSupport.Webhooks.GhlSampleEvents.ContactUpdate("wh-plan-1", DateTimeOffset.UtcNow, type: "ContactCreate"));

        var masked = await _rig.RunAsync("plan", file, "--account", CliRig.AccountId, "--ghl");
        var full = await _rig.RunAsync("plan", file, "--account", CliRig.AccountId, "--ghl", "--show-personal-data");

        Assert.True(masked.Exit == 0, masked.ToString());
        Assert.Contains("welcome-new-lead (sms1-", masked.Output, StringComparison.Ordinal);
        Assert.Contains("1 segment (Gsm7", masked.Output, StringComparison.Ordinal);
        Assert.Contains("send at ", masked.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("thanks for reaching out", masked.Output, StringComparison.Ordinal);
        Assert.Contains("Hi Ana, thanks for reaching out!", full.Output, StringComparison.Ordinal);
        Assert.Empty(_rig.Simulator.State.Recorded);
    }
}
