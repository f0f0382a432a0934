using System.Text.Json;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Sync;

namespace RoezanGhl.Core.Tests.Sync;

/// <summary>The direction a queue message carries: optional, so that messages queued before it existed still read.</summary>
public class QueuedEventDirectionTests
{
    private const string Queued = """{"accountId":"acme","acceptedAt":"2026-11-24T10:00:00Z","event":{"id":"evt_1","type":"note.created"}""";

    [Fact]
    public void A_message_written_before_directions_existed_reads_as_roezan_to_ghl()
    {
        var queued = JsonSerializer.Deserialize(Queued + "}", RoezanJsonContext.Default.QueuedRoezanEvent)!;

        Assert.Equal((null, null), (queued.Source, queued.Target));
        Assert.Equal(SyncDirection.RoezanToGhl, queued.Direction);
    }

    [Fact]
    public void A_message_naming_ghl_to_roezan_reads_as_that_direction()
    {
        var queued = JsonSerializer.Deserialize(Queued + ""","source":"ghl","target":"roezan"}""", RoezanJsonContext.Default.QueuedRoezanEvent)!;

        Assert.Equal(SyncDirection.GhlToRoezan, queued.Direction);
    }

    [Fact]
    public void A_roezan_message_is_written_without_a_direction_so_its_bytes_stay_as_before()
    {
        var queued = new QueuedRoezanEvent { AccountId = "acme", AcceptedAt = DateTimeOffset.UnixEpoch, Event = new RoezanEvent { Id = "evt_1" } };

        var json = JsonSerializer.Serialize(queued, RoezanJsonContext.Default.QueuedRoezanEvent);

        Assert.DoesNotContain("source", json, StringComparison.Ordinal);
        Assert.DoesNotContain("direction", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_direction_is_written_in_lower_case_and_reads_back()
    {
        var queued = new QueuedRoezanEvent { AccountId = "acme", AcceptedAt = DateTimeOffset.UnixEpoch, Event = new RoezanEvent { Id = "evt_1" }, Source = SyncSystem.Ghl, Target = SyncSystem.Roezan };

        var json = JsonSerializer.Serialize(queued, RoezanJsonContext.Default.QueuedRoezanEvent);

        Assert.Contains("\"source\":\"ghl\",\"target\":\"roezan\"", json, StringComparison.Ordinal);
        Assert.Equal(SyncDirection.GhlToRoezan, JsonSerializer.Deserialize(json, RoezanJsonContext.Default.QueuedRoezanEvent)!.Direction);
    }

    [Fact]
    public void Directions_print_as_source_and_target_names() =>
        Assert.Equal("roezan->ghl", SyncDirection.RoezanToGhl.ToString());
}
