using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using static RoezanGhl.TestSupport.Planning.PlanningEvents;

namespace RoezanGhl.Core.Tests.Planning;

public sealed class DeliveryStatusPlanningTests
{
    [Fact]
    public void A_delivery_status_plans_no_GHL_call_and_says_where_it_goes_instead()
    {
        var status = new RoezanEvent
        {
            Id = "status:m_1:delivered",
            Type = RoezanEventTypes.MessageStatus,
            OccurredAt = T0,
            AccountId = "acct-1",
            Data = new RoezanEventData { Message = new RoezanMessage { Id = "m_1", Status = "Delivered" } },
        };

        var plan = Plan(status, Linked(AnaAsApplied));

        Assert.Equal(PlanDisposition.Skip, plan.Disposition);
        Assert.Empty(plan.Steps);
        Assert.Equal(SyncPlanner.DeliveryStatusReason, plan.Reason);
    }

    [Fact]
    public void An_event_type_the_contract_does_not_have_is_invalid_and_named()
    {
        var plan = Plan(new RoezanEvent { Id = "evt_x", Type = "contact.merged", OccurredAt = T0, AccountId = "acct-1" });

        Assert.Equal(PlanDisposition.Invalid, plan.Disposition);
        Assert.Equal("unknown event type 'contact.merged'", plan.Reason);
    }
}
