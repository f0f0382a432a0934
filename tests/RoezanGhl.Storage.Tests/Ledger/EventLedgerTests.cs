using Azure.Data.Tables;
using RoezanGhl.Core.Events;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Webhooks;

namespace RoezanGhl.Storage.Tests.Ledger;

[IntegrationLane]
public class EventLedgerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static LedgerIntake Intake(string id) => new()
    {
        AccountId = "acme",
        EventId = id,
        Type = RoezanEventTypes.TaskCreated,
        OccurredAt = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero),
        SourceContactId = "c_77",
    };

    [Fact]
    public async Task The_first_claim_inserts_a_received_row_with_the_whole_lifecycle_shape()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();

        var claim = await rig.Ledger.ClaimAsync(Intake("evt_l1"), "webhook:a", Timeout, CancellationToken.None);

        Assert.Equal(EventLedgerClaimOutcome.Claimed, claim.Outcome);
        Assert.True(claim.IsHeld);
        var row = await rig.Ledger.GetAsync("acme", "evt_l1", CancellationToken.None);
        Assert.NotNull(row);
        Assert.Equal(EventLedgerStatus.Received, row.Status);
        Assert.Equal(("acme", "evt_l1", "task.created", "c_77", "webhook:a"), (row.AccountId, row.EventId, row.Type, row.SourceContactId, row.ClaimedBy));
        Assert.Equal(rig.Time.GetUtcNow(), row.ClaimedAt);
        Assert.Equal(rig.Time.GetUtcNow(), row.AcceptedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), row.OccurredAt);
        Assert.Equal(0, row.Attempts);
    }

    [Fact]
    public async Task Statuses_are_stored_by_name_so_that_operators_can_read_the_table()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var claim = await rig.Ledger.ClaimAsync(Intake("evt_named"), "webhook:a", Timeout, CancellationToken.None);
        await rig.Ledger.MarkQueuedAsync(claim, CancellationToken.None);

        var raw = await new TableServiceClient(TestSupport.Azurite.ConnectionString).GetTableClient(rig.Ledger.TableName)
            .GetEntityAsync<TableEntity>(EventLedgerKeys.PartitionKey("acme"), EventLedgerKeys.RowKey("evt_named"));

        Assert.Equal("Queued", raw.Value.GetString("Status"));
    }

    [Fact]
    public async Task A_second_claim_while_the_first_is_fresh_is_in_flight_with_the_time_left()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        await rig.Ledger.ClaimAsync(Intake("evt_l2"), "webhook:a", Timeout, CancellationToken.None);
        rig.Time.Advance(TimeSpan.FromSeconds(12));

        var second = await rig.Ledger.ClaimAsync(Intake("evt_l2"), "webhook:b", Timeout, CancellationToken.None);

        Assert.Equal(EventLedgerClaimOutcome.InFlight, second.Outcome);
        Assert.False(second.IsHeld);
        Assert.Equal(TimeSpan.FromSeconds(18), second.RetryAfter);
    }

    [Fact]
    public async Task A_claim_on_a_queued_row_is_a_duplicate()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var first = await rig.Ledger.ClaimAsync(Intake("evt_l3"), "webhook:a", Timeout, CancellationToken.None);
        Assert.True(await rig.Ledger.MarkQueuedAsync(first, CancellationToken.None));
        rig.Time.Advance(TimeSpan.FromHours(1));

        var second = await rig.Ledger.ClaimAsync(Intake("evt_l3"), "webhook:b", Timeout, CancellationToken.None);

        Assert.Equal((EventLedgerClaimOutcome.Duplicate, EventLedgerStatus.Queued), (second.Outcome, second.Entry.Status));
    }

    [Fact]
    public async Task A_stale_claim_is_taken_over_and_the_old_holder_can_no_longer_mark_it()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var stale = await rig.Ledger.ClaimAsync(Intake("evt_l4"), "webhook:a", Timeout, CancellationToken.None);
        rig.Time.Advance(Timeout);

        var taken = await rig.Ledger.ClaimAsync(Intake("evt_l4"), "webhook:b", Timeout, CancellationToken.None);

        Assert.Equal(EventLedgerClaimOutcome.TakenOver, taken.Outcome);
        Assert.Equal("webhook:b", taken.Entry.ClaimedBy);
        Assert.False(await rig.Ledger.MarkQueuedAsync(stale, CancellationToken.None));
        Assert.True(await rig.Ledger.MarkQueuedAsync(taken, CancellationToken.None));
    }

    [Fact]
    public async Task A_released_claim_is_taken_over_at_once()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var first = await rig.Ledger.ClaimAsync(Intake("evt_l5"), "webhook:a", Timeout, CancellationToken.None);
        await rig.Ledger.ReleaseAsync(first, "enqueue failed: test", CancellationToken.None);

        var second = await rig.Ledger.ClaimAsync(Intake("evt_l5"), "webhook:b", Timeout, CancellationToken.None);

        Assert.Equal(EventLedgerClaimOutcome.TakenOver, second.Outcome);
        Assert.Equal("enqueue failed: test", second.Entry.LastError);
    }

    [Fact]
    public async Task Of_many_racing_claims_on_a_stale_row_exactly_one_holds_it()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        await rig.Ledger.ClaimAsync(Intake("evt_l6"), "webhook:dead", Timeout, CancellationToken.None);
        rig.Time.Advance(TimeSpan.FromMinutes(1));

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => rig.Ledger.ClaimAsync(Intake("evt_l6"), $"webhook:{i}", Timeout, CancellationToken.None))));

        Assert.Single(claims, c => c.IsHeld);
        Assert.All(claims.Where(c => !c.IsHeld), c => Assert.Equal(EventLedgerClaimOutcome.InFlight, c.Outcome));
    }

    [Fact]
    public async Task Of_many_racing_first_claims_exactly_one_holds_the_row()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => rig.Ledger.ClaimAsync(Intake("evt_l7"), $"webhook:{i}", Timeout, CancellationToken.None))));

        Assert.Single(claims, c => c.Outcome == EventLedgerClaimOutcome.Claimed);
        Assert.DoesNotContain(claims, c => c.Outcome == EventLedgerClaimOutcome.TakenOver);
    }

    [Fact]
    public async Task Event_ids_with_characters_table_keys_forbid_are_stored_and_found()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        const string id = "evt/2026#11?x\\y%z";

        var claim = await rig.Ledger.ClaimAsync(Intake(id), "webhook:a", Timeout, CancellationToken.None);

        Assert.Equal(EventLedgerClaimOutcome.Claimed, claim.Outcome);
        Assert.Equal(id, (await rig.Ledger.GetAsync("acme", id, CancellationToken.None))!.EventId);
        Assert.Null(await rig.Ledger.GetAsync("acme", "evt/2026#11?x\\y%y", CancellationToken.None));
    }

    [Theory]
    [InlineData("evt_01J9", "evt_01J9")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a%2Fb", "a%252Fb")]
    [InlineData("x#y?z\\w", "x%23y%3Fz%5Cw")]
    [InlineData("tab\there", "tab%09here")]
    public void Row_keys_escape_what_table_storage_forbids_and_stay_distinct(string id, string key) =>
        Assert.Equal(key, EventLedgerKeys.RowKey(id));

    [Fact]
    public void Partition_keys_ignore_the_case_of_the_account() =>
        Assert.Equal(EventLedgerKeys.PartitionKey("ACME"), EventLedgerKeys.PartitionKey("acme"));
}
