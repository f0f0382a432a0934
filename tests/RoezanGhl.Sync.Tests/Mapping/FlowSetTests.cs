using RoezanGhl.Sync.Mapping;

namespace RoezanGhl.Sync.Tests.Mapping;

public sealed class FlowSetTests
{
    [Fact]
    public void Contacts_only_runs_f1_and_f2() =>
        Assert.Equal([SyncFlow.ContactCreated, SyncFlow.ContactUpdated], FlowSet.Resolve("contacts-only").Enabled);

    [Fact]
    public void Contacts_and_history_adds_f3_f4_and_f7() =>
        Assert.Equal(
            [SyncFlow.ContactCreated, SyncFlow.ContactUpdated, SyncFlow.ContactFromFirstMessage, SyncFlow.MessageNotes, SyncFlow.NoteCreated],
            FlowSet.Resolve("contacts-and-history").Enabled);

    [Fact]
    public void Everything_adds_f5_and_f6() =>
        Assert.Equal(Enum.GetValues<SyncFlow>(), FlowSet.Resolve("everything").Enabled);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_account_that_names_no_preset_runs_everything(string? preset)
    {
        Assert.Equal(FlowSet.Everything, FlowSet.Resolve(preset));
        Assert.Equal(FlowPresets.Everything, FlowPresets.Default);
    }

    [Fact]
    public void Preset_names_are_read_whatever_their_case() =>
        Assert.Equal(FlowSet.ContactsOnly, FlowSet.Resolve("Contacts-Only"));

    [Fact]
    public void Overrides_switch_single_flows_off_and_on()
    {
        var flows = FlowSet.Resolve("everything", new Dictionary<string, bool> { ["FollowUpTasks"] = false, ["taskSync"] = false });
        var more = FlowSet.Resolve("contacts-only", new Dictionary<string, bool> { ["NoteCreated"] = true });

        Assert.False(flows.IsEnabled(SyncFlow.FollowUpTasks));
        Assert.False(flows.IsEnabled(SyncFlow.TaskSync));
        Assert.True(flows.IsEnabled(SyncFlow.MessageNotes));
        Assert.Equal([SyncFlow.ContactCreated, SyncFlow.ContactUpdated, SyncFlow.NoteCreated], more.Enabled);
    }

    [Fact]
    public void An_unknown_preset_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentException>(() => FlowSet.Resolve("contacts-plus"));

        Assert.Contains("'contacts-plus' is not a preset", error.Message, StringComparison.Ordinal);
        Assert.Contains("contacts-and-history", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_flow_override_is_a_problem_at_its_path()
    {
        var problems = FlowSet.TryResolve("everything", new Dictionary<string, bool> { ["FollowupTask"] = false }, out _);

        var problem = Assert.Single(problems);
        Assert.Equal("Flows:FollowupTask", problem.Path);
        Assert.Contains("FollowUpTasks", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flow_sets_are_equal_when_the_same_flows_are_on()
    {
        Assert.Equal(FlowSet.ContactsOnly, FlowSet.None.With(SyncFlow.ContactUpdated, true).With(SyncFlow.ContactCreated, true));
        Assert.NotEqual(FlowSet.ContactsOnly, FlowSet.ContactsAndHistory);
        Assert.Equal("ContactCreated, ContactUpdated", FlowSet.ContactsOnly.ToString());
    }
}
