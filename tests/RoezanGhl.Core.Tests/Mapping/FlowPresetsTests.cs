using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.Core.Tests.Mapping;

public sealed class FlowPresetsTests
{
    [Fact]
    public void Contacts_only_runs_f1_and_f2() =>
        Assert.Equal(SyncFlows.ContactCreated | SyncFlows.ContactUpdated, FlowPresets.Resolve("contacts-only"));

    [Fact]
    public void Contacts_and_history_adds_f3_f4_and_f7() =>
        Assert.Equal(
            SyncFlows.ContactCreated | SyncFlows.ContactUpdated | SyncFlows.ContactFromFirstMessage | SyncFlows.MessageNotes | SyncFlows.NoteCreated,
            FlowPresets.Resolve("contacts-and-history"));

    [Fact]
    public void Everything_adds_f5_and_f6() =>
        Assert.Equal(SyncFlows.All, FlowPresets.Resolve("everything"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_account_that_names_no_preset_runs_everything(string? preset)
    {
        Assert.Equal(SyncFlows.All, FlowPresets.Resolve(preset));
        Assert.Equal(FlowPresets.Everything, FlowPresets.Default);
    }

    [Fact]
    public void Preset_names_are_read_whatever_their_case() =>
        Assert.Equal(FlowPresets.Resolve("contacts-only"), FlowPresets.Resolve("Contacts-Only"));

    [Fact]
    public void Overrides_switch_single_flows_off_and_on()
    {
        var flows = FlowPresets.Resolve("everything", new Dictionary<string, bool> { ["FollowUpTasks"] = false, ["taskSync"] = false });
        var more = FlowPresets.Resolve("contacts-only", new Dictionary<string, bool> { ["NoteCreated"] = true });

        Assert.False(flows.HasFlag(SyncFlows.FollowUpTasks));
        Assert.False(flows.HasFlag(SyncFlows.TaskSync));
        Assert.True(flows.HasFlag(SyncFlows.MessageNotes));
        Assert.Equal(SyncFlows.ContactCreated | SyncFlows.ContactUpdated | SyncFlows.NoteCreated, more);
    }

    [Fact]
    public void An_unknown_preset_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentException>(() => FlowPresets.Resolve("contacts-plus"));

        Assert.Contains("'contacts-plus' is not a preset", error.Message, StringComparison.Ordinal);
        Assert.Contains("contacts-and-history", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FollowupTask")]
    [InlineData("All")]
    [InlineData("None")]
    public void An_override_that_is_not_a_single_flow_is_a_problem_at_its_path(string name)
    {
        var problems = FlowPresets.TryResolve("everything", new Dictionary<string, bool> { [name] = false }, out _);

        var problem = Assert.Single(problems);
        Assert.Equal($"Flows:{name}", problem.Path);
        Assert.Contains("FollowUpTasks", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("All", problem.Message.Replace($"'{name}'", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
