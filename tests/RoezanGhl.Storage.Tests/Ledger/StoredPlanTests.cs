using System.Text.Json;
using RoezanGhl.Core.Planning;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Storage.Tests.Ledger;

/// <summary>The plan a ledger row stores (its <c>Plan</c> column) reads back, including rows written before this release.</summary>
public sealed class StoredPlanTests
{
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

    [Fact]
    public void A_plan_stored_by_an_earlier_release_still_reads()
    {
        // Written by the app before the projects were split: the step kinds are the stored discriminators.
        const string Stored = """
            {"eventId":"evt_1","eventType":"contact.updated","accountId":"acct-1","disposition":0,"reason":"test","contact":{"phone":"+12015550123"},"ghlContactId":"ghl-1",
             "steps":[{"kind":"upsertContact","fields":{"phone":"+12015550123"},"reason":"a"},{"kind":"addTags","tags":["vip"],"reason":"d"},
             {"kind":"createNote","body":"hi","reference":"evt_1","reason":"e"},{"kind":"completeTask","reason":"h"}]}
            """;

        var plan = JsonSerializer.Deserialize(Stored, SyncStateJsonContext.Default.SyncPlan)!;

        Assert.Equal([typeof(UpsertContactStep), typeof(AddTagsStep), typeof(CreateNoteStep), typeof(CompleteTaskStep)], plan.Steps.Select(step => step.GetType()));
        Assert.Equal("+12015550123", Assert.IsType<UpsertContactStep>(plan.Steps[0]).Fields.Phone);
        Assert.Equal(PlanDisposition.Apply, plan.Disposition);
    }
}
