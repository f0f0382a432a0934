using RoezanGhl.Core.Coalescing;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Tests.Coalescing;

public sealed class MessageMergerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Texts_are_kept_in_the_order_received_each_later_one_with_its_time()
    {
        var survivor = Message("evt_2", T0.AddSeconds(30), "Second");
        var first = Message("evt_1", T0, "First");
        var third = Message("evt_3", T0.AddMinutes(2), "Third");

        var merged = MessageMerger.Merge(survivor, [third, first]);

        Assert.Equal("evt_2", merged.Id);
        Assert.Equal(T0.AddMinutes(2), merged.OccurredAt);
        var message = merged.Data!.Message!;
        Assert.Equal(T0, message.ReceivedAt);
        Assert.Equal("m_evt_2", message.Id);
        Assert.Equal("First\n\n(09:00:30 UTC) Second\n\n(09:02:00 UTC) Third", message.Body);
    }

    [Fact]
    public void Only_messages_of_the_same_known_contact_can_be_absorbed()
    {
        var survivor = Message("evt_1", T0, "hi").Event;

        Assert.True(MessageMerger.CanAbsorb(survivor, Message("evt_2", T0, "again").Event));
        Assert.False(MessageMerger.CanAbsorb(survivor, Message("evt_1", T0, "same id").Event));
        Assert.False(MessageMerger.CanAbsorb(survivor, Message("evt_3", T0, "other", contactId: "c_2").Event));
        Assert.False(MessageMerger.CanAbsorb(survivor, Message("evt_4", T0, "unknown sender", contactId: null).Event));
    }

    [Fact]
    public void An_opt_out_reply_neither_absorbs_another_message_nor_is_absorbed()
    {
        var survivor = Message("evt_1", T0, "hi").Event;
        var stop = Message("evt_2", T0, "STOP").Event;

        Assert.False(MessageMerger.CanAbsorb(survivor, stop));
        Assert.False(MessageMerger.CanAbsorb(stop, survivor));
        Assert.True(MessageMerger.CanAbsorb(survivor, Message("evt_3", T0, "stop by at 5").Event));
    }

    private static ContactChange Message(string id, DateTimeOffset at, string body, string? contactId = "c_1") => new(
        new RoezanEvent
        {
            Id = id,
            Type = RoezanEventTypes.MessageReceived,
            OccurredAt = at,
            Data = new RoezanEventData { Message = new RoezanMessage { Id = "m_" + id, From = "+12015550180", ContactId = contactId, Body = body, ReceivedAt = at } },
        },
        at);
}
