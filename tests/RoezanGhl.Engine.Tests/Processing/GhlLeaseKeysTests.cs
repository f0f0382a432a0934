using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Processing.RoezanToGhl;

namespace RoezanGhl.Engine.Tests.Processing;

public class GhlLeaseKeysTests
{
    private static SyncPlan Plan(PlanDisposition disposition, params PlanStep[] steps) => new()
    {
        EventId = "evt_1",
        EventType = "contact.created",
        AccountId = "acme",
        Disposition = disposition,
        Reason = "test",
        Contact = new ContactIdentity { RoezanContactId = "c_1", Phone = "+12015550123" },
        Steps = steps,
    };

    [Fact]
    public void A_plan_that_creates_the_contact_holds_the_creation_claims_of_its_identities() =>
        Assert.Equal(
            ["new:phone:+12015550123", "new:roezan:acme:c_1"],
            GhlLeaseKeys.For(Plan(PlanDisposition.Apply, new CreateContactStep { Fields = new ContactFields { Phone = "+12015550123" }, Reason = "new" }), "acme").Order(StringComparer.Ordinal));

    [Fact]
    public void A_plan_that_writes_a_linked_contact_holds_its_lock_and_a_task_event_the_tasks_lock()
    {
        var plan = Plan(PlanDisposition.Apply, new UpdateContactStep { Fields = new ContactFields { LastName = "Diaz" }, Reason = "changed" }) with { GhlContactId = "g_1", RoezanTaskId = "t_1" };

        Assert.Equal(["contact:g_1", "task:acme:t_1"], GhlLeaseKeys.For(plan, "acme"));
    }

    [Theory]
    [InlineData(PlanDisposition.Invalid)]
    [InlineData(PlanDisposition.WaitForContact)]
    public void A_plan_that_writes_nothing_now_holds_no_lease(PlanDisposition disposition) =>
        Assert.Empty(GhlLeaseKeys.For(Plan(disposition, new CreateContactStep { Fields = new ContactFields { Phone = "+12015550123" }, Reason = "new" }), "acme"));

    [Fact]
    public void A_creation_claim_is_logged_as_a_short_hash_of_its_identity_and_locks_as_they_are()
    {
        var phone = GhlLeaseKeys.ForLog(GhlLeaseKeys.CreationClaim("phone:+12015550123"));
        var email = GhlLeaseKeys.ForLog(GhlLeaseKeys.CreationClaim("email:ana@example.com"));

        Assert.Matches("^new:#[0-9a-f]{8}$", phone);
        Assert.DoesNotContain("5550123", phone, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", email, StringComparison.Ordinal);
        Assert.NotEqual(phone, email);
        Assert.Equal(phone, GhlLeaseKeys.ForLog("new:phone:+12015550123"));
        Assert.Equal("contact:g_1", GhlLeaseKeys.ForLog(GhlLeaseKeys.ContactLock("g_1")));
        Assert.Equal("task:acme:t_1", GhlLeaseKeys.ForLog(GhlLeaseKeys.TaskLock("acme", "t_1")));
        Assert.Equal("?", GhlLeaseKeys.ForLog(null));
    }
}
