using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Core.Planning;
using RoezanGhl.Storage.Links;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Storage.Tests.Links;

/// <summary>The contact links this instance read or wrote are served without the table until they expire or GHL says the contact is gone.</summary>
[IntegrationLane]
public sealed class ContactLinkCacheTests
{
    private static readonly ContactIdentity Ana = new() { RoezanContactId = "c_1", Phone = "+12015550123" };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly LinksTable _table = LinksTableFixture.Create();
    private readonly ContactLinkCache _cache;
    private readonly ContactLinkStore _store;
    private readonly CancellationToken _ct = CancellationToken.None;

    public ContactLinkCacheTests()
    {
        _cache = new ContactLinkCache(_time);
        _store = new ContactLinkStore(_table, LinksTableFixture.StateBlobs(), _cache);
    }

    [Fact]
    public async Task A_link_read_once_is_served_from_the_cache_until_it_expires()
    {
        await _store.RecordContactAsync("loc-1", "acct-1", "ghl-1", Ana, null, "evt_1", _ct);
        var other = new ContactLinkStore(_table, LinksTableFixture.StateBlobs(), new ContactLinkCache(_time));
        Assert.Equal("ghl-1", await other.FindContactIdAsync("loc-1", "acct-1", Ana, _ct));
        await DeleteLinkRowsAsync();

        Assert.Equal("ghl-1", await other.FindContactIdAsync("loc-1", "acct-1", Ana, _ct));

        _time.Advance(ContactLinkCache.TimeToLive);
        Assert.Null(await other.FindContactIdAsync("loc-1", "acct-1", Ana, _ct));
    }

    [Fact]
    public async Task A_relink_by_this_instance_is_seen_at_once()
    {
        await _store.RecordContactAsync("loc-1", "acct-1", "ghl-1", Ana, null, "evt_1", _ct);
        Assert.Equal("ghl-1", await _store.FindContactIdAsync("loc-1", "acct-1", Ana, _ct));

        await _store.RecordContactAsync("loc-1", "acct-1", "ghl-2", Ana, null, "evt_2", _ct);

        Assert.Equal("ghl-2", await _store.FindContactIdAsync("loc-1", "acct-1", Ana, _ct));
    }

    [Fact]
    public async Task Identities_forgotten_by_this_instance_no_longer_lead_to_the_contact_at_once()
    {
        await _store.RecordContactAsync("loc-1", "acct-1", "ghl-1", Ana, null, "evt_1", _ct);
        Assert.Equal("ghl-1", await _store.FindContactIdAsync("loc-1", "acct-1", Ana, _ct));

        await _store.ForgetIdentitiesAsync("loc-1", "acct-1", Ana, _ct);

        Assert.Null(await _store.FindContactIdAsync("loc-1", "acct-1", Ana, _ct));
    }

    [Fact]
    public async Task Dropping_a_contact_makes_the_next_lookup_read_the_table()
    {
        await _store.RecordContactAsync("loc-1", "acct-1", "ghl-1", Ana, null, "evt_1", _ct);
        await DeleteLinkRowsAsync();

        _cache.DropContact("ghl-1");

        Assert.Null(await _store.FindContactIdAsync("loc-1", "acct-1", Ana, _ct));
    }

    [Fact]
    public async Task Only_the_first_identity_in_priority_order_answers_from_the_cache()
    {
        // The phone is cached, the Roezan id is not: the table decides (the Roezan id may link elsewhere).
        await _store.RecordContactAsync("loc-1", "acct-1", "ghl-phone", new ContactIdentity { Phone = Ana.Phone }, null, "evt_1", _ct);
        var table = await _table.GetClientAsync(_ct);
        await table.UpsertEntityAsync(new TableEntity("loc-1", "rc|acct-1|c_1") { ["GhlContactId"] = "ghl-roezan", ["EventId"] = "evt_2" }, cancellationToken: _ct);

        Assert.Equal("ghl-roezan", await _store.FindContactIdAsync("loc-1", "acct-1", Ana, _ct));
    }

    [Fact]
    public void The_cache_never_holds_more_than_its_capacity()
    {
        for (var i = 0; i <= ContactLinkCache.Capacity; i++)
        {
            _cache.Remember("loc-1", $"ph|+1201555{i:0000}", "ghl-" + i);
        }

        Assert.InRange(_cache.Count, 1, ContactLinkCache.Capacity);
        Assert.Equal("ghl-" + ContactLinkCache.Capacity, _cache.Find("loc-1", $"ph|+1201555{ContactLinkCache.Capacity:0000}"));
    }

    private async Task DeleteLinkRowsAsync()
    {
        var table = await _table.GetClientAsync(_ct);
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: _ct))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: _ct);
        }
    }
}
