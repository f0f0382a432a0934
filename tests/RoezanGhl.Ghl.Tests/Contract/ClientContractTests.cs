using System.Text.Json.Nodes;
using RoezanGhl.Ghl.Models;
using RoezanGhl.GhlSimulator.State;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Ghl.Tests.Contract;

public sealed class ClientContractTests
{
    private const string Location = "loc-contract";

    private static readonly string[] IssueEndpoints =
    [
        "GET /contacts/{contactId}", "GET /contacts/{contactId}/tasks", "GET /contacts/{contactId}/tasks/{taskId}",
        "GET /contacts/{contactId}/notes", "GET /contacts/{contactId}/notes/{id}", "GET /contacts/{contactId}/appointments",
        "GET /contacts/", "GET /contacts/business/{businessId}", "POST /contacts/", "PUT /contacts/{contactId}",
        "DELETE /contacts/{contactId}", "POST /contacts/{contactId}/tasks", "PUT /contacts/{contactId}/tasks/{taskId}",
        "PUT /contacts/{contactId}/tasks/{taskId}/completed", "DELETE /contacts/{contactId}/tasks/{taskId}",
        "POST /contacts/{contactId}/tags", "POST /contacts/upsert", "DELETE /contacts/{contactId}/tags",
        "POST /contacts/{contactId}/notes", "GET /contacts/search/duplicate",
    ];

    [IntegrationLane]
    [Fact]
    public async Task Every_request_the_client_sends_matches_the_official_spec()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        await using var ghl = GhlTestClient.Create(simulator.BaseUrl);
        await CallEveryEndpointAsync(ghl.Client, simulator);

        var contract = GhlSpecContract.LoadContacts();
        var recorded = simulator.State.Recorded;
        var violations = recorded.SelectMany(contract.Violations).ToList();

        Assert.Empty(violations);
        var covered = recorded.Select(contract.OperationOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.Equal(IssueEndpoints.Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_contract_check_reports_a_missing_version_a_missing_required_field_and_a_wrong_type()
    {
        var contract = GhlSpecContract.LoadContacts();
        var request = new RecordedRequest(
            "POST",
            "/contacts/abc/tasks",
            [],
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = "Bearer <redacted>", ["Content-Type"] = "application/json" },
            """{"title":"Call back","completed":"no","priority":1}""");

        var violations = contract.Violations(request);

        Assert.Contains(violations, v => v.Contains("required header Version missing", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("body.dueDate is required", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("body.completed should be boolean", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("body.priority is not in the schema", StringComparison.Ordinal));
    }

    [Fact]
    public void The_contract_check_rejects_a_path_the_spec_does_not_have()
    {
        var contract = GhlSpecContract.LoadContacts();
        var request = new RecordedRequest("PATCH", "/contacts/abc", [], new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), null);

        Assert.Single(contract.Violations(request));
        Assert.Null(contract.OperationOf(request));
    }

    private static async Task CallEveryEndpointAsync(GhlContactsClient client, GhlSimulatorHost simulator)
    {
        var created = await client.CreateContactAsync(Location, new GhlCreateContactRequest
        {
            FirstName = "Ana",
            LastName = "Diaz",
            Phone = "+12015550123",
            Email = "ana@example.com",
            Tags = ["vip"],
            CustomFields = [GhlCustomFieldInput.Text("fld-plan", "gold")],
            Source = "roezan",
            Dnd = false,
            CompanyName = "Diaz Bakery",
        });
        await client.CreateContactAsync(Location, new GhlCreateContactRequest { FirstName = "Anabel", Phone = "+12015550199" });
        await client.UpsertContactAsync(Location, new GhlUpsertContactRequest { Phone = "+12015550123", FirstName = "Ana" });
        await client.GetContactAsync(Location, created.Id);
        await client.UpdateContactAsync(Location, created.Id, new GhlUpdateContactRequest { LastName = "Diaz-Ruiz", Timezone = "America/New_York" });
        await client.AddTagsAsync(Location, created.Id, ["sms"]);
        await client.RemoveTagsAsync(Location, created.Id, ["vip"]);
        await client.FindDuplicateContactAsync(Location, "+12015550123", "ana@example.com");
        await foreach (var _ in client.ListContactsAsync(Location, new GhlContactListQuery { Query = "Ana", Limit = 1 }))
        {
        }

        simulator.State.SeedContact(Location, new JsonObject { ["firstName"] = "Biz", ["businessId"] = "biz-1" });
        await foreach (var _ in client.ListBusinessContactsAsync(Location, "biz-1"))
        {
        }

        var task = await client.CreateTaskAsync(Location, created.Id, new GhlCreateTaskRequest { Title = "Call back", DueDate = DateTimeOffset.Parse("2026-12-01T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Completed = false, Body = "asked for a call" });
        await client.ListTasksAsync(Location, created.Id);
        await client.GetTaskAsync(Location, created.Id, task.Id);
        await client.UpdateTaskAsync(Location, created.Id, task.Id, new GhlUpdateTaskRequest { Title = "Call back at 3" });
        await client.SetTaskCompletedAsync(Location, created.Id, task.Id, completed: true);
        await client.DeleteTaskAsync(Location, created.Id, task.Id);

        var note = await client.CreateNoteAsync(Location, created.Id, new GhlCreateNoteRequest { Body = "Inbound SMS: hello" });
        await client.ListNotesAsync(Location, created.Id);
        await client.GetNoteAsync(Location, created.Id, note.Id);

        simulator.State.SeedAppointment(Location, created.Id, new JsonObject { ["title"] = "Demo", ["startTime"] = "2026-12-02 10:00:00" });
        await client.ListAppointmentsAsync(Location, created.Id);
        await client.DeleteContactAsync(Location, created.Id);
    }
}
