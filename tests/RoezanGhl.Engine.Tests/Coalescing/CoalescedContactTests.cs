using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Engine.Coalescing;
using RoezanGhl.Engine.Processing;

namespace RoezanGhl.Engine.Tests.Coalescing;

public sealed class CoalescedContactTests
{
    private static readonly SyncProcessingOptions MessagesOn = new() { CoalesceMessages = true };

    [Fact]
    public void A_message_of_an_account_whose_messages_go_to_notes_may_be_merged_when_message_coalescing_is_on()
    {
        Assert.Equal("c_1", CoalescingKeys.IndexKeyOf(Message("c_1"), MessagesOn, InboundMessageTarget.Note));
    }

    [Theory]
    [InlineData(InboundMessageTarget.Conversation)]
    [InlineData(InboundMessageTarget.Both)]
    public void A_message_that_goes_into_the_conversation_is_never_merged(InboundMessageTarget target)
    {
        Assert.Null(CoalescingKeys.IndexKeyOf(Message("c_1"), MessagesOn, target));
    }

    [Fact]
    public void A_message_is_not_merged_while_message_coalescing_is_off()
    {
        Assert.Null(CoalescingKeys.IndexKeyOf(Message("c_1"), new SyncProcessingOptions(), InboundMessageTarget.Note));
    }

    [Fact]
    public void A_contact_update_is_merged_whatever_the_inbound_message_target()
    {
        var update = new RoezanEvent { Id = "evt_u1", Type = RoezanEventTypes.ContactUpdated, Data = new RoezanEventData { Contact = new RoezanContact { Id = "c_2" } } };
        Assert.Equal("c_2", CoalescingKeys.IndexKeyOf(update, new SyncProcessingOptions { CoalesceContactUpdates = true }, InboundMessageTarget.Conversation));
    }

    [Theory]
    [InlineData(RoezanEventTypes.TaskUpdated)]
    [InlineData(RoezanEventTypes.TaskCompleted)]
    public void A_task_change_is_indexed_under_its_task_apart_from_any_contact(string type)
    {
        var change = new RoezanEvent { Id = "evt_t1", Type = type, Data = new RoezanEventData { Task = new RoezanTask { Id = "t_1", ContactId = "c_1" } } };

        Assert.Equal("task:t_1", CoalescingKeys.IndexKeyOf(change, new SyncProcessingOptions()));
        Assert.Null(CoalescingKeys.IndexKeyOf(change, new SyncProcessingOptions { CoalesceTaskChanges = false }));
    }

    [Fact]
    public void A_task_created_is_never_indexed()
    {
        var created = new RoezanEvent { Id = "evt_t0", Type = RoezanEventTypes.TaskCreated, Data = new RoezanEventData { Task = new RoezanTask { Id = "t_1" } } };

        Assert.Null(CoalescingKeys.IndexKeyOf(created, new SyncProcessingOptions()));
    }

    private static RoezanEvent Message(string contactId) => new()
    {
        Id = "evt_m1",
        Type = RoezanEventTypes.MessageReceived,
        Data = new RoezanEventData { Message = new RoezanMessage { Id = "m_1", ContactId = contactId, Body = "test body" } },
    };
}
