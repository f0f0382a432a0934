using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;
using RoezanGhl.Core.TwoWay;

namespace RoezanGhl.Core.Tests.TwoWay;

/// <summary>GHL → Roezan honours the mapping's field directions: a field that flows only Roezan → GHL is not written to Roezan.</summary>
public sealed class GhlChangeDirectionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static readonly ContactFields Recorded = new()
    {
        FirstName = "Ana", LastName = "Lopez", Email = "ana@example.com", Phone = "+12015550123", Tags = ["vip"],
    };

    private static ContactSnapshot Linked => new() { GhlContactId = "g1", Fields = Recorded, LastEventId = "ghl:wh-0", LastOccurredAt = Now.AddMinutes(-10) };

    private static GhlChangeRules Rules(string field, string direction) => new() { Directions = new Dictionary<string, string> { [field] = direction } };

    [Fact]
    public void A_change_to_a_field_that_flows_only_to_ghl_is_not_written_to_roezan()
    {
        var decision = GhlChangePlanner.Decide(Recorded with { Email = "ana.new@example.com", FirstName = "Anna" }, false, Now, Linked, EchoHistory.Empty, Now, Rules("email", FieldDirections.RoezanToGhl));

        Assert.Equal(GhlChangeDecisionKind.Apply, decision.Kind);
        Assert.Equal("Anna", decision.Upsert.FirstName);
        Assert.Null(decision.Upsert.Email);
        Assert.Equal("ana@example.com", decision.NewState.Email);
    }

    [Fact]
    public void A_change_only_to_such_a_field_is_no_change()
    {
        var decision = GhlChangePlanner.Decide(Recorded with { LastName = "Diaz" }, false, Now, Linked, EchoHistory.Empty, Now, Rules("lastName", FieldDirections.RoezanToGhl));

        Assert.Equal(GhlChangeDecisionKind.NoChange, decision.Kind);
    }

    [Fact]
    public void A_new_ghl_contact_is_created_in_roezan_without_such_fields()
    {
        var decision = GhlChangePlanner.Decide(Recorded, false, Now, null, EchoHistory.Empty, Now, Rules("tags", FieldDirections.RoezanToGhl));

        Assert.Equal(GhlChangeDecisionKind.Apply, decision.Kind);
        Assert.Empty(decision.Upsert.Tags);
        Assert.Equal("Ana", decision.Upsert.FirstName);
    }

    [Fact]
    public void The_opt_out_tag_reaches_roezan_even_when_tags_flow_only_to_ghl()
    {
        var decision = GhlChangePlanner.Decide(Recorded with { Tags = ["vip", "new"] }, true, Now, Linked, EchoHistory.Empty, Now, Rules("tags", FieldDirections.RoezanToGhl));

        Assert.Equal(["sms-opt-out"], decision.Upsert.Tags);
        Assert.True(decision.OptsOut);
    }

    [Fact]
    public void Ghl_to_roezan_and_both_fields_are_written_to_roezan()
    {
        var decision = GhlChangePlanner.Decide(Recorded with { Email = "ana.new@example.com" }, false, Now, Linked, EchoHistory.Empty, Now, Rules("email", FieldDirections.GhlToRoezan));

        Assert.Equal("ana.new@example.com", decision.Upsert.Email);
    }

    [Fact]
    public void The_echo_of_our_own_write_is_still_known_by_the_whole_state()
    {
        var written = Recorded with { LastName = "Diaz" };
        var history = EchoHistory.Empty.With(SyncSystem.Ghl, ContactFingerprint.Of(written), Now.AddSeconds(-5));

        var decision = GhlChangePlanner.Decide(written, false, Now, Linked, history, Now, Rules("lastName", FieldDirections.RoezanToGhl));

        Assert.Equal(GhlChangeDecisionKind.Echo, decision.Kind);
    }
}
