using System.Text.Json;
using RoezanGhl.Sync.Ledger;
using RoezanGhl.Sync.Planning;
using RoezanGhl.Sync.Processing;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Sync.Tests.Processing;

public sealed class ProcessingSettingsTests
{
    [Fact]
    public void Default_max_dequeue_count_is_the_one_host_json_gives_the_trigger()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("host.json")));
        var fromHost = hostJson.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32();

        Assert.Equal(fromHost, new SyncProcessingOptions().MaxDequeueCount);
    }

    [Fact]
    public void Host_polls_the_queue_at_least_every_two_seconds()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("host.json")));
        var polling = TimeSpan.Parse(hostJson.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxPollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(polling, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Stored_plan_reads_back_with_every_step_kind()
    {
        var plan = new SyncPlan
        {
            EventId = "evt_1",
            EventType = "contact.updated",
            AccountId = "acct-1",
            Disposition = PlanDisposition.Apply,
            Reason = "test",
            Contact = new ContactIdentity { RoezanContactId = "c_1", Phone = "+12015550123" },
            GhlContactId = "ghl-1",
            ContactState = new ContactFields { FirstName = "Ana", Tags = ["vip"], CustomFields = new Dictionary<string, string> { ["plan"] = "gold" } },
            Steps =
            [
                new UpsertContactStep { Fields = new ContactFields { Phone = "+12015550123" }, Reason = "a" },
                new CreateContactStep { Fields = new ContactFields { Email = "a@example.com" }, Reason = "b" },
                new UpdateContactStep { Fields = new ContactFields { LastName = "Diaz" }, Reason = "c" },
                new AddTagsStep { Tags = ["vip"], Reason = "d" },
                new CreateNoteStep { Body = "hi\n\nref: evt_1", Reference = "evt_1", Reason = "e" },
                new CreateTaskStep { Fields = new TaskFields { Title = "Call", DueDate = DateTimeOffset.UnixEpoch, Completed = false }, Reference = "roezan-task/t_1", Reason = "f" },
                new UpdateTaskStep { Fields = new TaskFields { Completed = true }, Reason = "g" },
                new CompleteTaskStep { Reason = "h" },
            ],
        };

        var json = JsonSerializer.Serialize(plan, SyncStateJsonContext.Default.SyncPlan);
        var back = JsonSerializer.Deserialize(json, SyncStateJsonContext.Default.SyncPlan)!;

        Assert.Equal(plan.Describe(), back.Describe());
        Assert.Equal(plan.ContactState, back.ContactState);
        Assert.Equal(plan.Steps.Select(step => step.GetType()), back.Steps.Select(step => step.GetType()));
        Assert.Equal("gold", back.ContactState!.CustomFields["plan"]);
    }
}
