using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Planning;
using static RoezanGhl.TestSupport.Planning.PlanningEvents;

namespace RoezanGhl.Core.Tests.Planning;

public sealed class InboundMessageTargetPlanningTests
{
    private static RoezanAccountOptions AccountSending(string? inboundMessages)
    {
        var account = Account.With(Account.Preset, Account.Flows, Account.Mapping);
        account.InboundMessages = inboundMessages;
        account.GhlConversationProviderId = "prov-1";
        return account;
    }

    private static SyncPlan PlanFor(string? inboundMessages, SyncSnapshot? snapshot = null, PlanningProfile? profile = null) =>
        SyncPlanner.Plan(Queue(Message("Running 10 min late")), AccountSending(inboundMessages), profile ?? PlanningProfile.Default, snapshot ?? Linked(AnaAsApplied, T0));

    [Fact]
    public void Conversation_adds_the_message_to_the_thread_keyed_by_the_roezan_message_id_and_no_note()
    {
        var plan = PlanFor("conversation");

        var step = Assert.IsType<AddInboundMessageStep>(Assert.Single(plan.Steps));
        Assert.Equal("m_1", step.MessageId);
        Assert.Equal("prov-1", step.ConversationProviderId);
        Assert.Equal("Running 10 min late", step.Body);
        Assert.Equal(T0, step.SentAt);
    }

    [Fact]
    public void Both_adds_the_message_to_the_thread_and_keeps_the_note()
    {
        var plan = PlanFor("Both");

        Assert.Collection(plan.Steps, step => Assert.IsType<AddInboundMessageStep>(step), step => Assert.IsType<CreateNoteStep>(step));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("note")]
    public void Unset_or_note_keeps_todays_note_only(string? inboundMessages)
    {
        Assert.IsType<CreateNoteStep>(Assert.Single(PlanFor(inboundMessages).Steps));
    }

    [Fact]
    public void The_first_message_from_a_new_number_still_creates_the_contact_before_adding_to_its_thread()
    {
        var plan = PlanFor("conversation", SyncSnapshot.Empty);

        Assert.Collection(plan.Steps, step => Assert.IsType<CreateContactStep>(step), step => Assert.IsType<AddInboundMessageStep>(step));
    }

    [Fact]
    public void With_message_flows_off_nothing_goes_to_the_thread()
    {
        var plan = PlanFor("conversation", profile: PlanningProfile.Default with { Flows = SyncFlows.All & ~SyncFlows.MessageNotes });

        Assert.Equal(PlanDisposition.Skip, plan.Disposition);
    }

    [Fact]
    public void The_printed_step_names_the_message_id_but_not_the_text()
    {
        var text = PlanFor("conversation").Describe();

        Assert.Contains("POST /conversations/messages/inbound (19 chars, altId m_1)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("late", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, InboundMessageTarget.Note, true)]
    [InlineData(" CONVERSATION ", InboundMessageTarget.Conversation, true)]
    [InlineData("both", InboundMessageTarget.Both, true)]
    [InlineData("thread", InboundMessageTarget.Note, false)]
    public void The_setting_reads_case_insensitively_and_refuses_other_words(string? value, InboundMessageTarget expected, bool readable)
    {
        Assert.Equal(readable, InboundMessageTargets.TryParse(value, out var target));
        Assert.Equal(expected, target);
    }
}
