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
        Assert.Equal("c_1", ContactUpdateCoalescer.CoalescedContactOf(Message("c_1"), MessagesOn, InboundMessageTarget.Note));
    }

    [Theory]
    [InlineData(InboundMessageTarget.Conversation)]
    [InlineData(InboundMessageTarget.Both)]
    public void A_message_that_goes_into_the_conversation_is_never_merged(InboundMessageTarget target)
    {
        Assert.Null(ContactUpdateCoalescer.CoalescedContactOf(Message("c_1"), MessagesOn, target));
    }

    [Fact]
    public void A_message_is_not_merged_while_message_coalescing_is_off()
    {
        Assert.Null(ContactUpdateCoalescer.CoalescedContactOf(Message("c_1"), new SyncProcessingOptions(), InboundMessageTarget.Note));
    }

    [Fact]
    public void A_contact_update_is_merged_whatever_the_inbound_message_target()
    {
        var update = new RoezanEvent { Id = "evt_u1", Type = RoezanEventTypes.ContactUpdated, Data = new RoezanEventData { Contact = new RoezanContact { Id = "c_2" } } };
        Assert.Equal("c_2", ContactUpdateCoalescer.CoalescedContactOf(update, new SyncProcessingOptions { CoalesceContactUpdates = true }, InboundMessageTarget.Conversation));
    }

    private static RoezanEvent Message(string contactId) => new()
    {
        Id = "evt_m1",
        Type = RoezanEventTypes.MessageReceived,
        Data = new RoezanEventData { Message = new RoezanMessage { Id = "m_1", ContactId = contactId, Body = "test body" } },
    };
}
