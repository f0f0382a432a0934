using RoezanGhl.Engine.Conversations;

namespace RoezanGhl.Engine.Tests.Conversations;

public sealed class ConversationOptionsValidatorTests
{
    [Theory]
    [InlineData("delivered", false)]
    [InlineData("pending", true)]
    [InlineData("Pending", true)]
    public void Delivered_and_pending_are_the_statuses_an_accepted_reply_may_show(string accepted, bool awaitsReport)
    {
        var options = new ConversationOptions { AcceptedReplyStatus = accepted };

        Assert.True(new ConversationOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(awaitsReport, options.AwaitsDeliveryReport);
    }

    [Theory]
    [InlineData("sent")]
    [InlineData("read")]
    [InlineData("")]
    public void Another_accepted_reply_status_stops_the_app_naming_the_setting(string accepted)
    {
        var result = new ConversationOptionsValidator().Validate(null, new ConversationOptions { AcceptedReplyStatus = accepted });

        Assert.True(result.Failed);
        Assert.Contains("Conversations:AcceptedReplyStatus", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_wait_for_unknown_messages_stops_the_app_naming_the_setting()
    {
        var result = new ConversationOptionsValidator().Validate(null, new ConversationOptions { UnknownMessageWait = TimeSpan.FromSeconds(-1) });

        Assert.True(result.Failed);
        Assert.Contains("Conversations:UnknownMessageWait", result.FailureMessage, StringComparison.Ordinal);
    }
}
