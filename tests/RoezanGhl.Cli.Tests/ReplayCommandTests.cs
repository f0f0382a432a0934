using RoezanGhl.Core.Events;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Queueing;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Cli.Tests;

[IntegrationLane]
public sealed class ReplayCommandTests : IAsyncLifetime
{
    private CliRig _rig = null!;

    public async Task InitializeAsync()
    {
        _rig = await CliRig.StartAsync();
        await _rig.RawPoison.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    /// <summary>A message as the host leaves it in the poison queue: the Base64 text the trigger could not process.</summary>
    private async Task PoisonAsync(string eventId, string type = RoezanEventTypes.NoteCreated)
    {
        var queued = new QueuedRoezanEvent { AccountId = CliRig.AccountId, AcceptedAt = DateTimeOffset.UtcNow, Event = new RoezanEvent { Id = eventId, Type = type } };
        await _rig.RawPoison.SendMessageAsync(Convert.ToBase64String(RoezanEventQueueClient.Serialize(queued).ToArray()));
    }

    private async Task<IReadOnlyList<string?>> QueuedIdsAsync() =>
        await _rig.RawQueue.ExistsAsync()
            ? [.. (await _rig.RawQueue.PeekMessagesAsync(32)).Value.Select(message => RoezanEventQueueClient.Deserialize(HostQueueMessageEncoding.DecodeAsTrigger(message.MessageText)).Event.Id)]
            : [];

    [Fact]
    public async Task One_message_picked_by_id_moves_back_and_the_others_stay()
    {
        await PoisonAsync("evt_1");
        await PoisonAsync("evt_2");
        await _rig.Host.ArrangeLedgerAsync("evt_2", entry => entry with { Status = EventLedgerStatus.Failed, Attempts = 5, LastError = "gave up after 5 attempts, moved to the poison queue: GHL answered 503" });

        var result = await _rig.RunAsync("replay", "--id", "evt_2");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("moved  evt_2 note.created acme", result.Output, StringComparison.Ordinal);
        Assert.Contains("gave up after 5 attempts", result.Output, StringComparison.Ordinal);
        Assert.Contains("Moved 1 message(s)", result.Output, StringComparison.Ordinal);
        Assert.Contains("Base64, the encoding the queue trigger reads", result.Output, StringComparison.Ordinal);
        Assert.Equal(["evt_2"], await QueuedIdsAsync());
        Assert.Single((await _rig.RawPoison.PeekMessagesAsync(32)).Value);
        var reopened = await _rig.Host.ReadLedgerAsync("evt_2");
        Assert.Equal((EventLedgerStatus.Queued, 5), (reopened.Status, reopened.Attempts));
    }

    [Fact]
    public async Task A_dry_run_lists_what_would_move_and_moves_nothing()
    {
        await PoisonAsync("evt_1");

        var result = await _rig.RunAsync("replay", "--dry-run");

        Assert.Equal(0, result.Exit);
        Assert.Contains("Would move", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 message(s) would move.", result.Output, StringComparison.Ordinal);
        Assert.Empty(await QueuedIdsAsync());
        Assert.Single((await _rig.RawPoison.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Since_picks_only_messages_poisoned_after_it()
    {
        await PoisonAsync("evt_1");

        var future = await _rig.RunAsync("replay", "--since", DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        var recent = await _rig.RunAsync("replay", "--since", "10m");

        Assert.Contains("Nothing to move", future.Output, StringComparison.Ordinal);
        Assert.Contains("Moved 1 message(s)", recent.Output, StringComparison.Ordinal);
        Assert.Equal(["evt_1"], await QueuedIdsAsync());
    }

    [Fact]
    public async Task Unreadable_messages_are_reported_left_in_place_and_fail_the_command()
    {
        await PoisonAsync("evt_1");
        await _rig.RawPoison.SendMessageAsync("written as plain text, not Base64");

        var result = await _rig.RunAsync("replay");

        Assert.Equal(1, result.Exit);
        Assert.Contains("unreadable", result.Output, StringComparison.Ordinal);
        Assert.Contains("not Base64", result.Output, StringComparison.Ordinal);
        Assert.Equal("error: some poison messages are not readable events and were left in place", Assert.Single(result.ErrorLines));
        Assert.Equal(["evt_1"], await QueuedIdsAsync());
        Assert.Equal("written as plain text, not Base64", Assert.Single((await _rig.RawPoison.PeekMessagesAsync(32)).Value).MessageText);
    }

    [Fact]
    public async Task An_id_the_poison_queue_does_not_hold_is_an_error()
    {
        await PoisonAsync("evt_1");

        var result = await _rig.RunAsync("replay", "--id", "evt_missing");

        Assert.Equal(1, result.Exit);
        Assert.Equal("error: no poison message has the id 'evt_missing'", Assert.Single(result.ErrorLines));
    }
}
