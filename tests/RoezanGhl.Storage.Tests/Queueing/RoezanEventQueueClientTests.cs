using System.Text.Json;
using RoezanGhl.Core.Events;
using RoezanGhl.Storage.Queueing;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Webhooks;

namespace RoezanGhl.Storage.Tests.Queueing;

public class RoezanEventQueueClientTests
{
    private static QueuedRoezanEvent Queued(string body) => new()
    {
        AccountId = "acme",
        AcceptedAt = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero),
        Event = new RoezanEvent { Id = "evt_big", Type = RoezanEventTypes.NoteCreated, OccurredAt = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), Data = new RoezanEventData { Note = new RoezanNote { Id = "n", ContactId = "c", Body = body } } },
    };

    [Fact]
    public void Serialization_is_camel_case_without_nulls_and_round_trips()
    {
        var queued = Queued("hello");

        var json = RoezanEventQueueClient.Serialize(queued).ToString();

        Assert.StartsWith("""{"accountId":"acme","acceptedAt":"2026-11-24T10:00:00+00:00","event":{"id":"evt_big","type":"note.created","occurredAt":"2026-11-24T09:00:00+00:00","data":{"note":{""", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        var back = RoezanEventQueueClient.Deserialize(BinaryData.FromString(json));
        Assert.Equal(("acme", "hello"), (back.AccountId, back.Event.Data!.Note!.Body));
    }

    [Fact]
    public void A_json_null_message_is_refused()
    {
        Assert.Throws<JsonException>(() => RoezanEventQueueClient.Deserialize(BinaryData.FromString("null")));
    }

    [IntegrationLane]
    [Fact]
    public async Task An_event_at_the_inline_limit_goes_inline_and_a_larger_one_through_a_blob()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var overhead = RoezanEventQueueClient.Serialize(Queued(string.Empty)).ToMemory().Length;
        var fits = Queued(new string('a', RoezanEventQueueClient.InlineLimitBytes - overhead));
        var tooBig = Queued(new string('a', RoezanEventQueueClient.InlineLimitBytes - overhead + 1));

        await rig.Queue.EnqueueAsync(fits, CancellationToken.None);
        await rig.Queue.EnqueueAsync(tooBig, CancellationToken.None);

        var messages = await rig.PeekRawAsync();
        Assert.Equal(2, messages.Count);
        var inline = RoezanEventQueueClient.Deserialize(HostQueueMessageEncoding.DecodeAsTrigger(messages[0]));
        var stub = RoezanEventQueueClient.Deserialize(HostQueueMessageEncoding.DecodeAsTrigger(messages[1]));
        Assert.Null(inline.PayloadBlob);
        Assert.StartsWith(rig.QueueName + "-payloads/2026/11/24/", stub.PayloadBlob, StringComparison.Ordinal);
        Assert.Equal(("evt_big", "note.created"), (stub.Event.Id, stub.Event.Type));
        var whole = await rig.Queue.ReadAsync(HostQueueMessageEncoding.DecodeAsTrigger(messages[1]), CancellationToken.None);
        Assert.Equal(tooBig.Event.Data!.Note!.Body, whole.Event.Data!.Note!.Body);
    }

    [IntegrationLane]
    [Fact]
    public async Task A_message_pointing_outside_the_payload_container_is_refused()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var forged = RoezanEventQueueClient.Serialize(new QueuedRoezanEvent
        {
            AccountId = "acme",
            AcceptedAt = DateTimeOffset.UnixEpoch,
            Event = new RoezanEvent { Id = "e" },
            PayloadBlob = "secrets/token.json",
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => rig.Queue.ReadAsync(forged, CancellationToken.None));
    }
}
