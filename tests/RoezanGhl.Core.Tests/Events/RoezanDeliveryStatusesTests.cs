using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Tests.Events;

/// <summary>Roezan's status words, and the rule that a text's delivery status never moves back.</summary>
public class RoezanDeliveryStatusesTests
{
    [Theory]
    [InlineData("Sent", RoezanDeliveryStatus.Sent)]
    [InlineData("SENT", RoezanDeliveryStatus.Sent)]
    [InlineData(" delivered ", RoezanDeliveryStatus.Delivered)]
    [InlineData("Undelivered", RoezanDeliveryStatus.Undelivered)]
    [InlineData("failed", RoezanDeliveryStatus.Undelivered)]
    [InlineData("Pending", RoezanDeliveryStatus.Pending)]
    [InlineData("queued", RoezanDeliveryStatus.Pending)]
    public void Roezans_status_words_are_read_whatever_their_case(string word, RoezanDeliveryStatus expected)
    {
        Assert.True(RoezanDeliveryStatuses.TryRead(word, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("read")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("None")]
    public void A_word_this_app_does_not_know_is_not_read(string? word)
    {
        Assert.False(RoezanDeliveryStatuses.TryRead(word, out var status));
        Assert.Equal(RoezanDeliveryStatus.None, status);
    }

    [Theory]
    [InlineData(RoezanDeliveryStatus.None, RoezanDeliveryStatus.Sent, true)]
    [InlineData(RoezanDeliveryStatus.None, RoezanDeliveryStatus.Delivered, true)]
    [InlineData(RoezanDeliveryStatus.Pending, RoezanDeliveryStatus.Sent, true)]
    [InlineData(RoezanDeliveryStatus.Sent, RoezanDeliveryStatus.Delivered, true)]
    [InlineData(RoezanDeliveryStatus.Sent, RoezanDeliveryStatus.Undelivered, true)]
    [InlineData(RoezanDeliveryStatus.Sent, RoezanDeliveryStatus.Sent, false)]
    [InlineData(RoezanDeliveryStatus.Sent, RoezanDeliveryStatus.Pending, false)]
    [InlineData(RoezanDeliveryStatus.Delivered, RoezanDeliveryStatus.Sent, false)]
    [InlineData(RoezanDeliveryStatus.Delivered, RoezanDeliveryStatus.Pending, false)]
    [InlineData(RoezanDeliveryStatus.Delivered, RoezanDeliveryStatus.Delivered, false)]
    [InlineData(RoezanDeliveryStatus.Delivered, RoezanDeliveryStatus.Undelivered, false)]
    [InlineData(RoezanDeliveryStatus.Undelivered, RoezanDeliveryStatus.Delivered, false)]
    [InlineData(RoezanDeliveryStatus.Undelivered, RoezanDeliveryStatus.Sent, false)]
    [InlineData(RoezanDeliveryStatus.Sent, RoezanDeliveryStatus.None, false)]
    public void A_status_moves_a_text_forward_only_and_the_first_final_status_stays(RoezanDeliveryStatus recorded, RoezanDeliveryStatus reported, bool moves)
    {
        Assert.Equal(moves, RoezanDeliveryStatuses.MovesForward(recorded, reported));
    }

    [Fact]
    public void The_same_status_of_the_same_text_has_one_event_id_whatever_the_webhook_id_and_case()
    {
        Assert.Equal(RoezanMessageEventId.ForStatus("msg_1", "Delivered"), RoezanMessageEventId.ForStatus("msg_1", " delivered"));
        Assert.NotEqual(RoezanMessageEventId.ForStatus("msg_1", "Sent"), RoezanMessageEventId.ForStatus("msg_1", "Delivered"));
        Assert.NotEqual(RoezanMessageEventId.ForStatus("msg_1", "Sent"), RoezanMessageEventId.ForStatus("msg_2", "Sent"));
    }

    [Fact]
    public void A_status_event_is_keyed_by_its_message_and_status_when_normalized()
    {
        var evt = new RoezanEvent
        {
            Id = "evt_webhook_7",
            Type = RoezanEventTypes.MessageStatus,
            OccurredAt = DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            Data = new RoezanEventData { Message = new RoezanMessage { Id = "msg_9", Status = " Delivered " } },
        };

        Assert.Empty(RoezanEventNormalizer.Normalize(evt, "US"));
        Assert.Equal("status:msg_9:delivered", evt.Id);
        Assert.Equal("Delivered", evt.Data.Message.Status);
    }
}
