using RoezanGhl.Storage.Ledger;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Cli.Tests;

[IntegrationLane]
public sealed class EventsCommandTests : IAsyncLifetime
{
    private static readonly string[] NewestFirst = ["evt_other", "evt_failed", "evt_applied", "evt_old"];
    private CliRig _rig = null!;

    public async Task InitializeAsync()
    {
        _rig = await CliRig.StartAsync();
        Task SaveAsync(string account, string id, EventLedgerStatus status, string? error, string? outcome, DateTimeOffset at, string? contact = null) =>
            _rig.Host.ArrangeLedgerAsync(id, entry => entry with { Type = "contact.updated", Status = status, Attempts = 1, LastError = error, Outcome = outcome, TargetContactId = contact }, at, account);

        var now = DateTimeOffset.UtcNow;
        await SaveAsync(CliRig.AccountId, "evt_applied", EventLedgerStatus.Applied, null, "applied: UpdateContact g_1", now.AddMinutes(-5), "g_1");
        await SaveAsync(CliRig.AccountId, "evt_failed", EventLedgerStatus.Failed, "GHL PUT /contacts/{contactId} answered 422: email must be an email", "failed", now.AddMinutes(-2), "g_2");
        await SaveAsync(CliRig.AccountId, "evt_old", EventLedgerStatus.Applied, null, "applied: long ago", now.AddDays(-3));
        await SaveAsync("other", "evt_other", EventLedgerStatus.Failed, "account 'other' is not configured", "failed", now.AddMinutes(-1));
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task The_history_lists_every_event_newest_change_first()
    {
        var result = await _rig.RunAsync("events");

        Assert.True(result.Exit == 0, result.ToString());
        var order = NewestFirst.Select(id => result.Output.IndexOf(id, StringComparison.Ordinal)).ToList();
        Assert.All(order, index => Assert.True(index >= 0));
        Assert.Equal(order.Order(), order);
        Assert.Contains("4 event(s)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_contact_since_and_account_narrow_the_history()
    {
        var failed = await _rig.RunAsync("events", "--status", "Failed", "--account", CliRig.AccountId);
        var contact = await _rig.RunAsync("events", "--contact", "g_1");
        var recent = await _rig.RunAsync("events", "--since", "1h");

        Assert.Contains("evt_failed", failed.Output, StringComparison.Ordinal);
        Assert.Contains("answered 422", failed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("evt_applied", failed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("evt_other", failed.Output, StringComparison.Ordinal);
        Assert.Contains("evt_applied", contact.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("evt_failed", contact.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("evt_old", recent.Output, StringComparison.Ordinal);
        Assert.Contains("3 event(s)", recent.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Take_limits_the_rows_and_says_there_may_be_more()
    {
        var result = await _rig.RunAsync("events", "--take", "1");

        Assert.Contains("evt_other", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("evt_failed", result.Output, StringComparison.Ordinal);
        Assert.Contains("--take for more", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_matching_says_so()
    {
        var result = await _rig.RunAsync("events", "--status", "Conflict");

        Assert.Equal(0, result.Exit);
        Assert.Contains("No events match.", result.Output, StringComparison.Ordinal);
    }
}
